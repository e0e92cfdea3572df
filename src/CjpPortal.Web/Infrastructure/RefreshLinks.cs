using CjpPortal.Core.Refresh;

namespace CjpPortal.Web.Infrastructure;

/// <summary>The refresh e-mails' links, at <c>Portal:BaseUrl</c> (the scheduler runs without a request).</summary>
public sealed class RefreshLinks(PortalLinks portal, ReviewLinkTokens tokens) : IRefreshLinks
{
    public Uri Review(string slug, int year) => tokens.Link(portal.Absolute("/"), slug, year);

    public Uri Returns(string slug) => portal.Absolute($"/manage/partnerships/{Uri.EscapeDataString(slug)}/returns");

    public Uri Progress() => portal.Absolute("/national/refresh");

    /// <summary>What the refresh jobs need from the web app's settings, for the web host and the worker alike.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<IRefreshLinks, RefreshLinks>();
        services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value.AnnualReturnDeadline);
    }
}

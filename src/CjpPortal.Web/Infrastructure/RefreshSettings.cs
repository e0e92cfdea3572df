namespace CjpPortal.Web.Infrastructure;

/// <summary>What the refresh jobs need from the web app's settings, for the web host and the worker alike. Their links
/// (<see cref="Core.Refresh.IRefreshLinks"/>) are Core's own, at <c>Portal:BaseUrl</c>, as the subscription e-mails'.</summary>
public static class RefreshSettings
{
    public static void Add(IServiceCollection services) =>
        services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value.AnnualReturnDeadline);
}

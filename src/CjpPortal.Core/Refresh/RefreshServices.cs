using CjpPortal.Core.Scheduling;
using CjpPortal.Core.Rules;
using CjpPortal.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CjpPortal.Core.Refresh;

/// <summary>The refresh side of <see cref="CoreServices.AddPortalCore"/>: its settings, checked when the host starts,
/// and its jobs, and the <see cref="IRefreshLinks"/> every host uses. The web app and the worker register the
/// <see cref="Rules.AnnualReturnDeadline"/> from their settings.</summary>
internal static class RefreshServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<RefreshOptions>().BindConfiguration(RefreshOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RefreshOptions>>(new ProblemValidator<RefreshOptions>(RefreshOptions.Problem));
        services.AddScoped<RefreshReminders>();
        services.AddSingleton<ReviewLinkTokens>();
        services.AddScoped<RefreshProgress>();
        services.AddScheduledJob<RefreshJob>();
        services.AddScheduledJob<ReturnDueJob>();
        services.TryAddSingleton<IRefreshLinks, PortalRefreshLinks>();
        // The default for a host that has no web app's settings of its own; the web app and the worker register the
        // deadline from PortalOptions, which wins.
        services.TryAddSingleton(new AnnualReturnDeadline());
    }
}

/// <summary>The refresh e-mails' links at Portal:BaseUrl, as the subscription e-mails make theirs.</summary>
internal sealed class PortalRefreshLinks(SubscriptionLinks links, ReviewLinkTokens tokens) : IRefreshLinks
{
    public Uri Review(string slug, int year) => tokens.Link(links.Absolute("/"), slug, year);

    public Uri Returns(string slug) => links.Absolute($"/manage/partnerships/{Uri.EscapeDataString(slug)}/returns");

    public Uri Progress() => links.Absolute("/national/refresh");
}

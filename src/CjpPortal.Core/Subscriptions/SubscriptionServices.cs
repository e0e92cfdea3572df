using CjpPortal.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.Core.Subscriptions;

/// <summary>The subscriptions side of <see cref="CoreServices.AddPortalCore"/>.</summary>
internal static class SubscriptionServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<SubscriptionOptions>().BindConfiguration(SubscriptionOptions.SectionName)
            .Validate(o => SubscriptionOptions.Problem(o) is null, "Subscriptions settings are out of range (see SubscriptionOptions).")
            .ValidateOnStart();
        services.AddOptions<PortalAddressOptions>().BindConfiguration(PortalAddressOptions.SectionName);
        services.AddSingleton<SubscriptionLinks>();
        services.AddSingleton<IBroadcasts, Broadcasts>();
        services.AddSingleton<PublicationAlerts>();
        services.AddScoped<SubscriptionService>();
        services.AddScheduledJob<ConsultationOpenedJob>();
        services.AddScheduledJob<BroadcastFanOut>();
        services.AddScheduledJob<WeeklyDigest>();
        services.AddScheduledJob<UnconfirmedSubscriptionCleanup>();
    }
}

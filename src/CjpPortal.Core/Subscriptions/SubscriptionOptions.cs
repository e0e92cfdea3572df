namespace CjpPortal.Core.Subscriptions;

/// <summary>Settings under "Subscriptions" (environment variables Subscriptions__...).</summary>
public sealed class SubscriptionOptions
{
    public const string SectionName = "Subscriptions";

    /// <summary>At most one confirmation (or "already subscribed") e-mail per address in this time, however often the
    /// form is sent, so the form cannot be used to flood someone's inbox.</summary>
    public TimeSpan ConfirmationEmailInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the link in a confirmation e-mail works.</summary>
    public TimeSpan ConfirmationLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Unconfirmed subscriptions older than this are deleted.</summary>
    public TimeSpan UnconfirmedLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Subscribers fanned out per transaction.</summary>
    public int FanOutBatchSize { get; set; } = 500;

    public static string? Problem(SubscriptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ConfirmationEmailInterval < TimeSpan.Zero || options.ConfirmationLinkLifetime <= TimeSpan.Zero || options.UnconfirmedLifetime <= TimeSpan.Zero)
        {
            return "Subscriptions:ConfirmationEmailInterval must not be negative; ConfirmationLinkLifetime and UnconfirmedLifetime must be positive.";
        }

        return options.FanOutBatchSize is < 1 or > 10_000 ? "Subscriptions:FanOutBatchSize must be between 1 and 10000." : null;
    }
}

/// <summary>The public address from "Portal:BaseUrl", read by Core too: the fan-out runs in the worker command, where
/// the web app's PortalLinks is not registered.</summary>
public sealed class PortalAddressOptions
{
    public const string SectionName = "Portal";

    public string? BaseUrl { get; set; }
}

using System.Globalization;
using CjpPortal.Core.Email;
using CjpPortal.Core.Links;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CjpPortal.Core.Subscriptions;

/// <summary>The signed links in subscription e-mails. Every link carries a <see cref="SignedTokens"/> token for the
/// subscriber's id and <see cref="Subscriber.Stamp"/>: the confirmation link expires
/// (<see cref="SubscriptionOptions.ConfirmationLinkLifetime"/>); the manage and unsubscribe links do not, since they
/// are in every e-mail and an old message must still let its reader leave. Addresses are built from Portal:BaseUrl
/// (the web host refuses to start without it outside Development and Testing, where http://localhost/ stands in).</summary>
public sealed class SubscriptionLinks(SignedTokens tokens, IOptions<PortalAddressOptions> portal, IOptions<SubscriptionOptions> options,
    IOptions<EmailOptions> email, IHostEnvironment environment)
{
    public const string ConfirmPurpose = "subscription-confirm";
    public const string ManagePurpose = "subscription-manage";

    public const string ConfirmPath = "/subscriptions/confirm";
    public const string ManagePath = "/subscriptions/manage";
    public const string UnsubscribePath = "/subscriptions/unsubscribe";
    public const string DeletePath = "/subscriptions/delete";

    public Uri Confirm(Subscriber subscriber) =>
        Absolute(ConfirmPath, tokens.Create(ConfirmPurpose, Subject(subscriber), options.Value.ConfirmationLinkLifetime));

    public Uri Manage(Subscriber subscriber) => Absolute(ManagePath, ManageToken(subscriber));

    public Uri Unsubscribe(Subscriber subscriber) => Absolute(UnsubscribePath, ManageToken(subscriber));

    public string ManageToken(Subscriber subscriber) => tokens.Create(ManagePurpose, Subject(subscriber));

    /// <summary>The mailto: half of List-Unsubscribe (RFC 2369 asks for one): the portal's own From address.</summary>
    public string UnsubscribeMailto() => $"mailto:{MailboxAddress.Parse(email.Value.From).Address}?subject=unsubscribe";

    /// <summary>The subscriber id and stamp a token names, or false when it is tampered, expired or not for <paramref name="purpose"/>.</summary>
    public bool TryRead(string purpose, string? token, out long subscriberId, out Guid stamp)
    {
        subscriberId = 0;
        stamp = Guid.Empty;
        if (!tokens.TryRead(purpose, token, out var subject))
        {
            return false;
        }

        var parts = subject.Split('.');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out subscriberId)
            && Guid.TryParseExact(parts[1], "N", out stamp);
    }

    /// <summary>The absolute address of <paramref name="path"/> (from the site root).</summary>
    public Uri Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(BaseUri(), path.TrimStart('/'));
    }

    private Uri Absolute(string path, string token) => Absolute($"{path}?token={Uri.EscapeDataString(token)}");

    private Uri BaseUri()
    {
        var configured = portal.Value.BaseUrl;
        if (!string.IsNullOrWhiteSpace(configured)
            && Uri.TryCreate(configured.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        return environment.IsDevelopment() || environment.IsEnvironment("Testing")
            ? new Uri("http://localhost/")
            : throw new InvalidOperationException("Set Portal:BaseUrl (environment variable Portal__BaseUrl): subscription e-mails link to it.");
    }

    private static string Subject(Subscriber subscriber) =>
        string.Create(CultureInfo.InvariantCulture, $"{subscriber.Id}.{subscriber.Stamp:N}");
}

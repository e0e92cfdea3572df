using System.Globalization;
using CjpPortal.Core.Links;

namespace CjpPortal.Core.Refresh;

/// <summary>The signed token in the refresh e-mails' link to /manage/partnerships/{slug}/review: it names the
/// partnership and the refresh year, for that purpose only, and expires after <see cref="Lifetime"/>. It never grants
/// access (the review page's authorization comes from the signed-in user and the route); it only lets the page say
/// which reminder was followed, or that the link is not valid.</summary>
public sealed class ReviewLinkTokens(SignedTokens tokens)
{
    public const string Purpose = "refresh-review";

    public const string QueryName = "token";

    /// <summary>Long enough to outlast the refresh's reminders and escalation (day 42), so no e-mail's link has
    /// expired while the entry is still waiting to be confirmed.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    public string Create(string slug, int year) => tokens.Create(Purpose, Subject(slug, year), Lifetime);

    /// <summary>The review link for <paramref name="slug"/> and <paramref name="year"/>, at <paramref name="baseUri"/>.</summary>
    public Uri Link(Uri baseUri, string slug, int year)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        return new Uri(baseUri, $"{Path(slug).TrimStart('/')}?{QueryName}={Uri.EscapeDataString(Create(slug, year))}");
    }

    /// <summary>The review page's path, without a token.</summary>
    public static string Path(string slug) => $"/manage/partnerships/{Uri.EscapeDataString(slug)}/review";

    /// <summary>The refresh year <paramref name="token"/> names for <paramref name="slug"/>; false when it is tampered,
    /// expired, for another purpose or for another partnership.</summary>
    public bool TryRead(string? token, string slug, out int year)
    {
        year = 0;
        if (!tokens.TryRead(Purpose, token, out var subject))
        {
            return false;
        }

        var bar = subject.LastIndexOf('|');
        return bar > 0
            && string.Equals(subject[..bar], slug, StringComparison.Ordinal)
            && int.TryParse(subject.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out year);
    }

    private static string Subject(string slug, int year) => string.Create(CultureInfo.InvariantCulture, $"{slug}|{year}");
}

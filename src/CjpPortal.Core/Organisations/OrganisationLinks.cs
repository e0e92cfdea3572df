using System.Globalization;
using CjpPortal.Core.Links;

namespace CjpPortal.Core.Organisations;

/// <summary>The addresses of a listing's pages that e-mails link to, and the signed tokens those links carry. A token
/// names the listing and its <see cref="Organisation.LinkStamp"/>, so renewing the stamp ends every link sent before.</summary>
public sealed class OrganisationLinks(SignedTokens tokens)
{
    public const string VerifyPurpose = "organisation-verify";
    public const string EditPurpose = "organisation-edit";
    public const string ConfirmPurpose = "organisation-confirm";

    public static readonly TimeSpan VerifyLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan EditLifetime = TimeSpan.FromDays(14);

    /// <summary>Long enough to outlast the reminders of one yearly confirmation (each e-mail brings a new link).</summary>
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromDays(60);

    public static string ShowPath(int id) => $"/organisations/{id.ToString(CultureInfo.InvariantCulture)}";

    public static string VerifyPath(int id, string token) => $"{ShowPath(id)}/verify?token={Uri.EscapeDataString(token)}";

    public static string EditPath(int id, string token) => $"{ShowPath(id)}/edit?token={Uri.EscapeDataString(token)}";

    public static string ConfirmPath(int id, string token) => $"{ShowPath(id)}/confirm?token={Uri.EscapeDataString(token)}";

    public static string ModerationPath(int id) => $"/manage/organisations/{id.ToString(CultureInfo.InvariantCulture)}";

    public string VerifyToken(Organisation organisation) => tokens.Create(VerifyPurpose, Subject(organisation), VerifyLifetime);

    public string EditToken(Organisation organisation) => tokens.Create(EditPurpose, Subject(organisation), EditLifetime);

    public string ConfirmToken(Organisation organisation) => tokens.Create(ConfirmPurpose, Subject(organisation), ConfirmLifetime);

    public Uri Confirm(Uri baseUri, Organisation organisation) => new(baseUri, ConfirmPath(organisation.Id, ConfirmToken(organisation)));

    public Uri Verify(Uri baseUri, Organisation organisation) => new(baseUri, VerifyPath(organisation.Id, VerifyToken(organisation)));

    public Uri Edit(Uri baseUri, Organisation organisation) => new(baseUri, EditPath(organisation.Id, EditToken(organisation)));

    /// <summary>Whether <paramref name="token"/> was made for <paramref name="purpose"/> and this listing as it is now
    /// (same stamp), and has not expired.</summary>
    public bool IsValid(string purpose, string? token, Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return tokens.TryRead(purpose, token, out var subject) && string.Equals(subject, Subject(organisation), StringComparison.Ordinal);
    }

    private static string Subject(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return $"{organisation.Id.ToString(CultureInfo.InvariantCulture)}:{organisation.LinkStamp:N}";
    }
}

namespace CjpPortal.Core.Rules;

/// <summary>The one rule for an e-mail address anywhere in the portal (contacts, Third Sector Interfaces, engagement
/// routes, invitations, sign-in, password reset, the create-admin command). Addresses are published as mailto: links,
/// so the rule is deliberately narrower than RFC 5322: a plain <c>local@domain</c> of letters, digits and
/// <c>. _ - +</c>, with nothing that a mail client would read as part of the link rather than the address
/// (<c>% ? &amp; # / \ , ;</c>, quotes, spaces, angle brackets, IP literals, non-ASCII). Addresses are stored in lower
/// case (<see cref="Normalise"/>), so one mailbox is one account and is shown one way.</summary>
public static class EmailAddress
{
    /// <summary>RFC 5321's limit on a forward path, which every address must fit in.</summary>
    public const int MaxLength = 254;

    public const int LocalPartMaxLength = 64;

    private const int LabelMaxLength = 63;

    /// <summary>The message shown next to a field whose address breaks the rule.</summary>
    public const string FormatMessage = "Enter an email address in the correct format, like name@example.org";

    /// <summary>True for an address that passes the rule, in any letter case; callers check the trimmed value.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@'))
        {
            return false;
        }

        var local = value[..at];
        var domain = value[(at + 1)..];
        return local.Length <= LocalPartMaxLength
            && DotSeparated(local, LocalPartMaxLength, IsLocalLabel)
            && DotSeparated(domain, LabelMaxLength, IsDomainLabel)
            && domain.Contains('.', StringComparison.Ordinal)
            // A top-level domain is never all digits; that would be an IP address written without brackets.
            && !domain[(domain.LastIndexOf('.') + 1)..].All(char.IsAsciiDigit);
    }

    /// <summary>The address as it is stored and shown: trimmed and in lower case; null when blank. Check it with
    /// <see cref="IsValid"/> afterwards.</summary>
    public static string? Normalise(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    /// <summary>Non-empty parts between single dots, none longer than <paramref name="maxLength"/>.</summary>
    private static bool DotSeparated(string value, int maxLength, Func<string, bool> isLabel)
    {
        var labels = value.Split('.');
        return labels.All(label => label.Length is > 0 && label.Length <= maxLength && isLabel(label));
    }

    private static bool IsLocalLabel(string label) =>
        label.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+');

    private static bool IsDomainLabel(string label) =>
        label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-';
}

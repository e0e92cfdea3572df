using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CjpPortal.Core.Links;

/// <summary>Signed, single-purpose tokens for links sent by e-mail (confirm a subscription, manage it, review a
/// directory entry, edit an organisation's listing): the subject (usually a row's id, plus a stamp the row changes
/// when the link should stop working) and an optional expiry, protected by the data-protection key ring that every
/// instance shares through the database. A token made for one purpose does not read for another; a tampered, expired
/// or foreign token reads as nothing, never as an exception. Expiry is checked against the injected
/// <see cref="TimeProvider"/>, so tests can move the clock.</summary>
public sealed class SignedTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    private const string RootPurpose = "CjpPortal.SignedTokens.v1";

    /// <summary>A URL-safe token for <paramref name="subject"/> under <paramref name="purpose"/>, valid for
    /// <paramref name="lifetime"/> from now, or for ever when it is null.</summary>
    public string Create(string purpose, string subject, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(subject);
        var expires = lifetime is { } span ? clock.GetUtcNow().Add(span).ToUnixTimeSeconds() : 0L;
        var payload = expires.ToString(CultureInfo.InvariantCulture) + "|" + subject;
        return Protector(purpose).Protect(payload);
    }

    /// <summary>The subject of a token made by <see cref="Create"/> for the same purpose, or false when the token is
    /// missing, tampered with, made for another purpose, or expired.</summary>
    public bool TryRead(string purpose, string? token, out string subject)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        subject = string.Empty;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return false;
        }

        string payload;
        try
        {
            payload = Protector(purpose).Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }

        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || !long.TryParse(payload.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return false;
        }

        if (expires != 0 && clock.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return false;
        }

        subject = payload[(bar + 1)..];
        return true;
    }

    private IDataProtector Protector(string purpose) => provider.CreateProtector(RootPurpose, purpose);
}

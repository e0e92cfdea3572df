using System.Security.Cryptography;
using System.Text;

namespace CjpPortal.Core.Email;

/// <summary>An address that mail is no longer sent to (the server refused it for good), kept only as a hash: the
/// dispatcher compares hashes, and nothing here says whose address it was.</summary>
public class SuppressedAddress
{
    public const int AddressHashLength = 64;
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    /// <summary>SHA-256 of <see cref="Normalise"/>d address, lower-case hex.</summary>
    public required string AddressHash { get; set; }

    public required string Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Trimmed and upper-cased: mailbox names are case-sensitive in theory, but no mail server treats them so,
    /// and a refusal for one spelling must stop every spelling.</summary>
    public static string Normalise(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Trim().ToUpperInvariant();
    }

    public static string HashOf(string address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(address))));

    public static string BoundedReason(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return reason.Length <= ReasonMaxLength ? reason : reason[..(ReasonMaxLength - 1)] + "…";
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary>RFC 6238 authenticator codes (HMAC-SHA1, 30-second time steps, 6 digits), the scheme Identity and every
/// authenticator app use. Identity keeps its own implementation internal, and the portal needs to know which time step
/// a code belongs to, so it can refuse the same code twice.</summary>
public static class AuthenticatorCode
{
    public const int StepSeconds = 30;

    /// <summary>The time step (RFC 6238 counter) that <paramref name="at"/> falls in.</summary>
    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The 6-digit code for <paramref name="key"/> in time step <paramref name="step"/>.</summary>
    public static string Compute(byte[] key, long step)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and authenticator apps use HMAC-SHA1; HMAC does not rely on SHA-1's collision resistance.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base 32, as Identity stores authenticator keys; spaces and padding are ignored, case does not
    /// matter. Returns null for text that is not base 32.</summary>
    public static byte[]? FromBase32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '=')
            {
                continue;
            }

            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }

    /// <summary>Compares two codes in constant time, so response timing says nothing about how many digits matched.</summary>
    public static bool SameCode(string expected, string actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        return CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(actual));
    }
}

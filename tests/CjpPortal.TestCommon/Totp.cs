using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace CjpPortal.TestCommon;

/// <summary>RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app
/// computes them, so tests sign in the way a person does. Written here so the tests do not reuse the code under test.</summary>
public static class Totp
{
    private const int StepSeconds = 30;

    /// <summary>The newest time step handed out per key, so that the portal, which accepts each code once, is never
    /// given the same one twice by a test run.</summary>
    private static readonly Dictionary<string, long> LastStepHandedOut = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The portal accepts codes up to two steps ahead of its clock (for a phone whose clock is fast).</summary>
    private const int StepsAheadAccepted = 2;

    /// <summary>The code for <paramref name="base32Key"/> at <paramref name="at"/>. Without <paramref name="at"/>: a code
    /// the portal has not seen from this test run, as a person would get by waiting for their app's next code - the
    /// current one if it is unused, else a later one (waiting when the portal would think it too far ahead).</summary>
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        return at is { } time ? CodeAt(base32Key, time.ToUnixTimeSeconds() / StepSeconds) : CodeAt(base32Key, FreshStep(base32Key));
    }

    private static long FreshStep(string base32Key)
    {
        lock (LastStepHandedOut)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / StepSeconds;
            var step = LastStepHandedOut.TryGetValue(base32Key, out var last) ? Math.Max(now, last + 1) : now;
            if (step > now + StepsAheadAccepted)
            {
                // Rare: many sign-ins with one key inside a minute. Wait until the code is close enough to now.
                var acceptableFrom = DateTimeOffset.FromUnixTimeSeconds((step - StepsAheadAccepted) * StepSeconds);
                Thread.Sleep(acceptableFrom - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100));
            }

            LastStepHandedOut[base32Key] = step;
            return step;
        }
    }

    private static string CodeAt(string base32Key, long counter)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; HMAC does not rely on SHA-1 collision resistance.
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base 32; spaces, hyphens and padding are ignored and case does not matter.</summary>
    public static byte[] Base32Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '-' or '=')
            {
                continue;
            }

            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base 32 character.");
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
}

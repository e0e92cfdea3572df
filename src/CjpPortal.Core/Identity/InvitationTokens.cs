using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CjpPortal.Core.Identity;

/// <summary>Invitation link tokens: 32 random bytes, base64url in the link; only their SHA-256 hash is stored.</summary>
public static class InvitationTokens
{
    public const int TokenBytes = 32;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Lower-case hex SHA-256 of the token as it appears in the link.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>True when <paramref name="token"/> could be a token this class made; anything else is not looked up.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

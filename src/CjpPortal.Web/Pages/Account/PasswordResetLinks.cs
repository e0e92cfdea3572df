using System.Buffers.Text;
using System.Text;

namespace CjpPortal.Web.Pages.Account;

/// <summary>The token in a password reset link: the user's id and Identity's reset token, base64url-encoded together
/// so the link has one path segment.</summary>
public static class PasswordResetLinks
{
    public const string Path = "/account/reset-password/";

    public static string Encode(Guid userId, string resetToken) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{userId:N}:{resetToken}"));

    public static bool TryDecode(string? token, out Guid userId, out string resetToken)
    {
        userId = Guid.Empty;
        resetToken = string.Empty;
        if (string.IsNullOrEmpty(token) || token.Length > 2000 || !Base64Url.IsValid(token))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0 || !Guid.TryParseExact(text[..separator], "N", out userId))
        {
            return false;
        }

        resetToken = text[(separator + 1)..];
        return resetToken.Length > 0;
    }
}

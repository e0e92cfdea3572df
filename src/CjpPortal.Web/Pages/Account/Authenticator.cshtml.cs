using CjpPortal.Web.Infrastructure;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace CjpPortal.Web.Pages.Account;

/// <summary>Enrols an authenticator app (TOTP): shows the key and a QR code, checks one code, then hands out the
/// recovery codes and completes the sign-in with the second factor.</summary>
public class AuthenticatorModel(UserManager<ApplicationUser> userManager, SignInManager<ApplicationUser> signInManager) : PageModel
{
    public const string Issuer = "Community Justice Partnerships";
    public const string RecoveryCodesKey = "RecoveryCodes";
    public const int RecoveryCodeCount = AccountSelfService.RecoveryCodeCount;

    /// <summary>The key in groups of four, for people typing it into their app.</summary>
    public string SharedKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    [BindProperty]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return LocalRedirect(AccountPages.Home);
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return LocalRedirect(AccountPages.Home);
        }

        var code = AccountPages.NormaliseCode(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        }
        else if (!await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "The code is not correct. Enter the 6-digit code your authenticator app shows now");
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return FormPages.Invalid(this);
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        TempData[RecoveryCodesKey] = string.Join(' ', recoveryCodes);

        // The user has just shown both factors, so the new session counts as a two-factor sign-in.
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false,
            [new Claim(AuthorizationPolicies.AuthenticationMethodClaim, AuthorizationPolicies.MultiFactorMethod)]);
        return LocalRedirect(AccountPages.RecoveryCodes);
    }

    private async Task LoadKeyAsync(ApplicationUser user)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp, which would end this very session at the next request
            // (SecurityStampCheck); re-issue its cookie with the new stamp, as Identity's own pages do.
            await signInManager.RefreshSignInAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.");
        }

        SharedKey = FormatKey(key);
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? string.Empty)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }

    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}

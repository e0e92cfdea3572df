using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure.Auth;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CjpPortal.Web.Pages.Account.SignIn;

/// <summary>The second step of signing in: a code from the authenticator app, or one of the recovery codes.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountRateLimiting.PolicyName)]
public class TwoFactorModel(SignInManager<ApplicationUser> signInManager, UserManager<ApplicationUser> userManager) : PageModel
{
    public const string WrongCodeMessage = "The code is not correct. Enter the 6-digit code your authenticator app shows now, or a recovery code";

    /// <summary>Only someone who knew the password gets this far, so this step can say the account is locked.</summary>
    public const string LockedOutMessage =
        "Your account is locked after 5 wrong codes. Try again in 15 minutes, reset your password (that also unlocks your account), or ask Community Justice Scotland to unlock it";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect(AccountPages.SignIn) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The first step has expired (or never happened): start again.
            return LocalRedirect(AccountPages.SignIn);
        }

        var code = AccountPages.NormaliseCode(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the code from your authenticator app, or a recovery code");
            return FormPages.Invalid(this);
        }

        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            return LocalRedirect(AccountPages.AfterSignIn(Url, ReturnUrl, await userManager.GetRolesAsync(user)));
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? LockedOutMessage : WrongCodeMessage);
        return FormPages.Invalid(this);
    }
}

using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure.Auth;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CjpPortal.Web.Pages.Account;

/// <summary>Sets a new password from an e-mailed link and unlocks the account. Changing the password changes the
/// security stamp, which ends every other session at once and makes the link unusable a second time.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountRateLimiting.PolicyName)]
public class ResetPasswordModel(UserManager<ApplicationUser> userManager) : PageModel
{
    public bool LinkIsValid { get; private set; }

    [BindProperty]
    [NoTrim]
    public string? Password { get; set; }

    [BindProperty]
    [NoTrim]
    public string? ConfirmPassword { get; set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var (user, _) = await FindAsync(token);
        return user is null ? Unusable() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        ModelState.Clear();
        var (user, resetToken) = await FindAsync(token);
        if (user is null)
        {
            return Unusable();
        }

        PasswordRules.Validate(ModelState, Password, ConfirmPassword);
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var result = await userManager.ResetPasswordAsync(user, resetToken, Password!);
        if (!result.Succeeded)
        {
            PasswordRules.AddErrors(ModelState, result);
            return FormPages.Invalid(this);
        }

        // The link proves control of the mailbox, so it also lifts a lockout: anyone can lock an account by guessing
        // its password five times, and this is the way back in that the sign-in page points to.
        await userManager.SetLockoutEndDateAsync(user, null);
        await userManager.ResetAccessFailedCountAsync(user);

        TempData["Banner"] = "Your password has been changed. Sign in with your new password.";
        return LocalRedirect(AccountPages.SignIn);
    }

    private async Task<(ApplicationUser? User, string ResetToken)> FindAsync(string token)
    {
        if (!PasswordResetLinks.TryDecode(token, out var userId, out var resetToken)
            || await userManager.FindByIdAsync(userId.ToString()) is not { } user
            || !await userManager.VerifyUserTokenAsync(user, userManager.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, resetToken))
        {
            return (null, string.Empty);
        }

        LinkIsValid = true;
        return (user, resetToken);
    }

    private PageResult Unusable()
    {
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}

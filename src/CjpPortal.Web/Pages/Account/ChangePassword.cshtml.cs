using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CjpPortal.Web.Pages.Account;

/// <summary>A signed-in person changes their password: the current one, then a new one by the same rules as at
/// invitation (<see cref="PasswordRules"/>). The new security stamp ends every other session; this one is re-issued
/// with it and carries on.</summary>
[EnableRateLimiting(AccountRateLimiting.PolicyName)]
public class ChangePasswordModel(UserManager<ApplicationUser> userManager, SignInManager<ApplicationUser> signInManager, AccountSelfService account) : PageModel
{
    public const string WrongPasswordMessage = "Your current password is not right";
    public const string Banner = "Your password has been changed. You have been signed out on every other device.";

    [BindProperty]
    [NoTrim]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    [NoTrim]
    public string? Password { get; set; }

    [BindProperty]
    [NoTrim]
    public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password");
        }

        PasswordRules.Validate(ModelState, Password, ConfirmPassword);
        if (ModelState.IsValid)
        {
            var check = await account.CheckPasswordAsync(user, CurrentPassword);
            if (check != Reauthentication.Confirmed)
            {
                ModelState.AddModelError(nameof(CurrentPassword), check == Reauthentication.LockedOut ? ReauthenticationPageModel.LockedOutMessage : WrongPasswordMessage);
            }
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await account.ChangePasswordAsync(user, CurrentPassword!, Password!, cancellationToken);
        if (!result.Succeeded)
        {
            PasswordRules.AddErrors(ModelState, result);
            return Invalid();
        }

        // The cookie this request came with holds the old stamp, which SecurityStampCheck would refuse from the next
        // request on; re-issue it (keeping the second-factor claim) so only the other sessions end.
        await signInManager.RefreshSignInAsync(user);
        TempData[FormPages.BannerKey] = Banner;
        return LocalRedirect(AccountPages.Home);
    }

    /// <summary>Passwords are never written back into the page.</summary>
    private IActionResult Invalid()
    {
        (CurrentPassword, Password, ConfirmPassword) = (null, null, null);
        return FormPages.Invalid(this);
    }
}

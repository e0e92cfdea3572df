using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CjpPortal.Web.Pages.Account;

/// <summary>A person moving to a new phone resets their own authenticator app: the same reset CJS staff make for others
/// (<see cref="AccountAdministration.ResetAuthenticatorAsync"/>: two-factor off, a new key and stamp, so every session
/// ends and the old app and recovery codes stop working, with its history row). This session is then signed in again
/// on the password alone and goes straight to the enrolment page, as at first sign-in; nothing else opens until a new
/// app is set up.</summary>
[EnableRateLimiting(AccountRateLimiting.PolicyName)]
public class ResetAuthenticatorModel(UserManager<ApplicationUser> userManager, SignInManager<ApplicationUser> signInManager, AccountSelfService account)
    : ReauthenticationPageModel(userManager, account)
{
    protected override async Task<IActionResult> ConfirmedAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        await AccountService.ResetAuthenticatorAsync(user, cancellationToken);
        // The same tracked user, now with the new stamp: this cookie replaces the one every session shared.
        await signInManager.SignInAsync(user, isPersistent: false);
        TempData[FormPages.BannerKey] = "Your old authenticator app and recovery codes no longer work, and you have been signed out on every other device. Set up your authenticator app now.";
        return LocalRedirect(AccountPages.Authenticator);
    }
}

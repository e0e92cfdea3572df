using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CjpPortal.Web.Pages.Account;

/// <summary>A new set of recovery codes, for someone who has used or lost theirs: the old ones stop working, and the new
/// ones are shown once, on the same page as at enrolment.</summary>
[EnableRateLimiting(AccountRateLimiting.PolicyName)]
public class NewRecoveryCodesModel(UserManager<ApplicationUser> userManager, AccountSelfService account)
    : ReauthenticationPageModel(userManager, account)
{
    protected override async Task<IActionResult> ConfirmedAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var codes = await AccountService.NewRecoveryCodesAsync(user, cancellationToken);
        TempData[AuthenticatorModel.RecoveryCodesKey] = string.Join(' ', codes);
        TempData[RecoveryCodesModel.RenewedKey] = true;
        return LocalRedirect(AccountPages.RecoveryCodes);
    }
}

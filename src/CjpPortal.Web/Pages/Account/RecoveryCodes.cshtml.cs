using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Account;

/// <summary>Shows the recovery codes once, straight after enrolment or after asking for new ones; they are not shown
/// again.</summary>
public class RecoveryCodesModel : PageModel
{
    /// <summary>The TempData key saying the codes replace a set the person had (/account/new-recovery-codes), rather
    /// than coming with a newly set up authenticator app.</summary>
    public const string RenewedKey = "RecoveryCodesRenewed";

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public bool Renewed { get; private set; }

    public string ContinueUrl { get; private set; } = AccountPages.Home;

    public IActionResult OnGet()
    {
        if (TempData[AuthenticatorModel.RecoveryCodesKey] is not string codes)
        {
            return LocalRedirect(AccountPages.Home);
        }

        Codes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Renewed = TempData[RenewedKey] is true;
        ContinueUrl = Renewed ? AccountPages.Home : AccountPages.StartPage([.. Roles.All.Where(User.IsInRole)]);
        // As antiforgery sets it (the header's sign-out form has a token), so it does not log that it overrode ours.
        Response.Headers.CacheControl = "no-cache, no-store";
        return Page();
    }
}

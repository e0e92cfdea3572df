using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Account;

/// <summary>Shows the recovery codes once, straight after enrolment; they are not shown again.</summary>
public class RecoveryCodesModel : PageModel
{
    public IReadOnlyList<string> Codes { get; private set; } = [];

    public string ContinueUrl { get; private set; } = AccountPages.Home;

    public IActionResult OnGet()
    {
        if (TempData[AuthenticatorModel.RecoveryCodesKey] is not string codes)
        {
            return LocalRedirect(AccountPages.Home);
        }

        Codes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        ContinueUrl = AccountPages.StartPage([.. Roles.All.Where(User.IsInRole)]);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}

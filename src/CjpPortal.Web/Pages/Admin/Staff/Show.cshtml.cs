using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Admin.Staff;

/// <summary>One member of staff: their access and status, a new invitation while the account is not set up, unlocking
/// a locked-out account, and the ways to reset their authenticator app (ResetAuthenticator) and to remove them.</summary>
public class ShowModel(AccountAdministration accounts, PortalLinks links, AdminLinks adminLinks) : PageModel
{
    public AccountSummary Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(id, IndexModel.StaffRoles, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        return Page();
    }

    /// <summary>Sends a new invitation link.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(id, IndexModel.StaffRoles, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        var role = account.Roles.Contains(Roles.Administrator) ? Roles.Administrator : Roles.CjsStaff;
        TempData[FormPages.BannerKey] = await accounts.ResendAsync(id, role, FormPages.Actor(User), links.BaseUri(Request), cancellationToken)
            ? $"A new invitation has been sent to {account.Email}. Earlier links no longer work."
            : "Nothing was sent: this account has already been set up.";
        return LocalRedirect(adminLinks.StaffMember(id));
    }

    /// <summary>Lifts a lockout, so someone locked out by wrong guesses (their own or anyone's) can sign in at once.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(id, IndexModel.StaffRoles, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        var unlocked = await accounts.UnlockAsync(id, FormPages.Actor(User), cancellationToken);
        TempData[FormPages.BannerKey] = AccountDisplay.UnlockedBanner(account, unlocked);
        return LocalRedirect(adminLinks.StaffMember(id));
    }
}

using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Admin.Staff;

/// <summary>Asks for confirmation, then takes CJS staff and administrator access away (deleting the account unless it
/// is also a coordinator's), which signs the person out everywhere. Administrators cannot remove themselves or the
/// last administrator.</summary>
public class RemoveModel(AccountAdministration accounts, AdminLinks links) : PageModel
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

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(id, IndexModel.StaffRoles, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        switch (await accounts.RemoveAsync(id, IndexModel.StaffRoles, FormPages.Actor(User), cancellationToken))
        {
            case RemoveOutcome.CannotRemoveSelf:
                ModelState.AddModelError(string.Empty, "You cannot remove your own account. Ask another administrator to do it");
                return FormPages.Invalid(this);
            case RemoveOutcome.LastAdministrator:
                ModelState.AddModelError(string.Empty, "This is the only administrator. Invite another administrator before removing this one");
                return FormPages.Invalid(this);
            case RemoveOutcome.NotFound:
                return NotFound();
            default:
                TempData[FormPages.BannerKey] = $"{account.Email} has been removed and signed out.";
                return LocalRedirect(links.Staff());
        }
    }
}

using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.National.Coordinators;

/// <summary>Asks CJS staff to confirm, then removes a coordinator: their partnerships are taken away and the account is
/// deleted (or, if it also has a national role, loses the coordinator role), which signs them out everywhere.</summary>
public class RemoveModel(AccountAdministration accounts) : PageModel
{
    public AccountSummary Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(id, IndexModel.CoordinatorRole, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(id, IndexModel.CoordinatorRole, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        await accounts.RemoveAsync(id, IndexModel.CoordinatorRole, FormPages.Actor(User), cancellationToken);
        TempData[FormPages.BannerKey] = account.NeverSignedIn
            ? $"{account.Email} has been removed. They had not used their invitation, and its link no longer works."
            : $"{account.Email} has been removed as a coordinator and signed out.";
        return LocalRedirect("/national/coordinators");
    }
}

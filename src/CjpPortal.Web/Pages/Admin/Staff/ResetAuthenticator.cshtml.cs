using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Admin.Staff;

/// <summary>Asks an administrator to confirm, then resets the authenticator app of a member of staff who has lost it:
/// two-factor authentication is turned off and the key replaced, which signs them out everywhere; at their next
/// sign-in they set up an authenticator app again.</summary>
public class ResetAuthenticatorModel(AccountAdministration accounts) : PageModel
{
    public AccountSummary Account { get; private set; } = null!;

    /// <summary>False for an account with no authenticator app yet (an old link, or one not set up): the page says so.</summary>
    public bool CanReset => Account.HasAuthenticator;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var reset = await accounts.ResetAuthenticatorAsync(id, FormPages.Actor(User), cancellationToken);
        TempData[FormPages.BannerKey] = AccountDisplay.AuthenticatorResetBanner(Account, reset);
        return LocalRedirect($"/admin/staff/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(id, IndexModel.StaffRoles, cancellationToken) is not { } account)
        {
            return false;
        }

        Account = account;
        return true;
    }
}

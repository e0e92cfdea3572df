using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.National;

/// <summary>What the two "reset their authenticator app" confirmation pages share (a coordinator's, for CJS staff; a
/// member of staff's, for administrators): confirm, then turn two-factor authentication off and replace the key, which
/// signs the person out everywhere; at their next sign-in they set up an authenticator app again.</summary>
public abstract class ResetAuthenticatorPageModel(AccountAdministration accounts) : PageModel
{
    public AccountSummary Account { get; private set; } = null!;

    /// <summary>False for an account with no authenticator app yet (an old link, or one not set up): the page says so.</summary>
    public bool CanReset => Account.HasAuthenticator;

    protected AccountAdministration Accounts => accounts;

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
        return LocalRedirect(AccountPage(id));
    }

    /// <summary>The account this page may reset, or null when it is not one of this area's (404).</summary>
    protected abstract Task<AccountSummary?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Where the person goes back to: the account's own page in this area.</summary>
    protected abstract string AccountPage(Guid id);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } account)
        {
            return false;
        }

        Account = account;
        return true;
    }
}

using CjpPortal.Core.Identity;

namespace CjpPortal.Web.Pages.National.Coordinators;

/// <summary>CJS staff reset the authenticator app of a coordinator who has lost it. Accounts that also have national
/// access are left to administrators.</summary>
public class ResetAuthenticatorModel(AccountAdministration accounts) : ResetAuthenticatorPageModel(accounts)
{
    protected override async Task<AccountSummary?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await Accounts.FindAsync(id, IndexModel.CoordinatorRole, cancellationToken) is { } account && AccountDisplay.IsCoordinatorOnly(account)
            ? account
            : null;

    protected override string AccountPage(Guid id) => $"/national/coordinators/{id}";
}

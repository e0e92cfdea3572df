using CjpPortal.Core.Identity;
using CjpPortal.Web.Pages.National;

namespace CjpPortal.Web.Pages.Admin.Staff;

/// <summary>An administrator resets the authenticator app of a member of staff who has lost it.</summary>
public class ResetAuthenticatorModel(AccountAdministration accounts) : ResetAuthenticatorPageModel(accounts)
{
    protected override Task<AccountSummary?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Accounts.FindAsync(id, IndexModel.StaffRoles, cancellationToken);

    protected override string AccountPage(Guid id) => $"/admin/staff/{id}";
}

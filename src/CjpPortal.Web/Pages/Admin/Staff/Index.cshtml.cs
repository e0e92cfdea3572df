using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Admin.Staff;

/// <summary>Every CJS staff and administrator account.</summary>
public class IndexModel(AccountAdministration accounts) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The national roles an administrator gives and takes away.</summary>
    public static readonly string[] StaffRoles = [Roles.CjsStaff, Roles.Administrator];

    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, pageNumber ?? 1);
        (Accounts, Total) = await accounts.ListAsync(StaffRoles, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        if (PageNumber > PageCount)
        {
            PageNumber = PageCount;
            (Accounts, Total) = await accounts.ListAsync(StaffRoles, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        }
    }
}

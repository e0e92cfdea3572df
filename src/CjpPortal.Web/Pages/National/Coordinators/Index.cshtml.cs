using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.National.Coordinators;

/// <summary>Every coordinator account, with the partnerships it looks after and whether it is set up.</summary>
public class IndexModel(AccountAdministration accounts) : PageModel
{
    public const int PageSize = 50;
    public static readonly string[] CoordinatorRole = [Roles.Coordinator];

    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, pageNumber ?? 1);
        (Accounts, Total) = await accounts.ListAsync(CoordinatorRole, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        if (PageNumber > PageCount)
        {
            PageNumber = PageCount;
            (Accounts, Total) = await accounts.ListAsync(CoordinatorRole, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        }
    }
}

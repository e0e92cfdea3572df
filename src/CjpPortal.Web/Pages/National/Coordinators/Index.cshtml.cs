using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure;
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
        Total = await accounts.CountAsync(CoordinatorRole, cancellationToken);
        var paging = Paging.For(Total, PageSize, pageNumber);
        (PageNumber, PageCount) = (paging.PageNumber, paging.PageCount);
        Accounts = await accounts.ListAsync(CoordinatorRole, paging.Skip, PageSize, cancellationToken);
    }
}

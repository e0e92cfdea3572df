using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.Partnerships;

[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel(DirectoryQueries queries) : PageModel
{
    public IReadOnlyList<PartnershipListItem> Partnerships { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Partnerships = await queries.ListAsync(cancellationToken);
}

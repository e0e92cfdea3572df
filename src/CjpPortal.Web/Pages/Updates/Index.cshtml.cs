using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.Updates;

/// <summary>Every published update and meeting in Scotland (partnerships' and national ones), newest first.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel(UpdateQueries queries) : PageModel
{
    public IReadOnlyList<UpdateView> Updates { get; private set; } = [];

    public Paging Paging { get; private set; }

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken) =>
        (Updates, Paging) = await queries.PageAsync(null, pageNumber, cancellationToken);
}

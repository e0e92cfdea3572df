using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.Updates;

/// <summary>One published update or meeting; a draft is not found.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class ShowModel(UpdateQueries queries) : PageModel
{
    public UpdateView Update { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var update = await queries.FindPublishedAsync(id, cancellationToken);
        if (update is null)
        {
            return NotFound();
        }

        Update = update;
        return Page();
    }
}

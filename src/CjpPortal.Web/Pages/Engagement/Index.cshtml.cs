using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.Engagement;

/// <summary>/engagement: the national picture of third-sector engagement from annual returns, for anyone. Counts
/// only: no notes, nothing that names a person.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel(EngagementQueries queries) : PageModel
{
    public EngagementView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = queries.Today;
        var (year, error) = EngagementPicture.ParseYear(Request.Query["year"].Count > 1 ? "many" : Request.Query["year"].ToString(), today);
        View = new EngagementView("/engagement", today, year, await queries.PictureAsync(cancellationToken));
        if (error is not null)
        {
            ModelState.AddModelError("year", error);
            return FormPages.Invalid(this);
        }

        return Page();
    }
}

using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.National.Engagement;

/// <summary>/national/engagement: the national picture of third-sector engagement for CJS staff, with each
/// partnership's notes per stage for the year.</summary>
public class IndexModel(EngagementQueries queries) : PageModel
{
    public EngagementView View { get; private set; } = null!;

    public IReadOnlyList<EngagementNote> Notes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = queries.Today;
        var (year, error) = EngagementPicture.ParseYear(Request.Query["year"].Count > 1 ? "many" : Request.Query["year"].ToString(), today);
        var (picture, notes) = await queries.PictureWithNotesAsync(year, cancellationToken);
        (View, Notes) = (new EngagementView("/national/engagement", today, year, picture), notes);
        if (error is not null)
        {
            ModelState.AddModelError("year", error);
            return FormPages.Invalid(this);
        }

        return Page();
    }
}

using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.Partnerships;

/// <summary>A partnership's published updates and meetings, newest first.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class UpdatesModel(DirectoryQueries directory, UpdateQueries queries) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public string Slug { get; private set; } = string.Empty;

    public IReadOnlyList<UpdateView> Updates { get; private set; } = [];

    public Paging Paging { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var partnership = Core.Rules.Slug.IsValid(slug) ? await directory.FindBySlugAsync(slug, cancellationToken) : null;
        if (partnership is null)
        {
            return NotFound();
        }

        (Name, Slug) = (partnership.Name, partnership.Slug);
        (Updates, Paging) = await queries.PageAsync(partnership.Id, pageNumber, cancellationToken);
        return Page();
    }
}

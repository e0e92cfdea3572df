using CjpPortal.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.National.Partnerships;

/// <summary>One partnership as CJS staff administer it: its name, public address, council areas and coordinators,
/// with links to change the name and the areas.</summary>
public class ShowModel(AppDbContext db) : PageModel
{
    public Summary Partnership { get; private set; } = null!;

    public sealed record Summary(int Id, string Name, string Slug, IReadOnlyList<string> Areas, IReadOnlyList<Coordinator> Coordinators);

    public sealed record Coordinator(Guid UserId, string Email);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new Summary(
                p.Id,
                p.Name,
                p.Slug,
                p.CouncilAreas.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
                db.PartnershipCoordinators.Where(c => c.PartnershipId == p.Id)
                    .OrderBy(c => c.User!.Email)
                    .Select(c => new Coordinator(c.UserId, c.User!.Email!))
                    .ToList()))
            .SingleOrDefaultAsync(cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        Partnership = partnership;
        return Page();
    }
}

using CjpPortal.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Tsis;

/// <summary>The Third Sector Interface of each council area the partnership covers.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public IReadOnlyList<Item> Areas { get; private set; } = [];

    public sealed record Item(int AreaId, string AreaName, string? TsiName);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        (PartnershipName, Slug) = (partnership.Name, partnership.Slug);
        Areas = await db.CouncilAreas.AsNoTracking()
            .Where(a => a.PartnershipId == partnership.Id)
            .OrderBy(a => a.Name)
            .Select(a => new Item(a.Id, a.Name, a.ThirdSectorInterface == null ? null : a.ThirdSectorInterface.Name))
            .ToListAsync(cancellationToken);
        return Page();
    }
}

using CjpPortal.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.National.Partnerships;

/// <summary>Every partnership at a glance for CJS staff: the areas it covers, who coordinates it and when it last
/// confirmed its entry.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(string Name, string Slug, IReadOnlyList<string> Areas, IReadOnlyList<string> Coordinators, DateOnly? LastConfirmedOn);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await db.Partnerships.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new Row(
                p.Name,
                p.Slug,
                p.CouncilAreas.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
                db.PartnershipCoordinators.Where(c => c.PartnershipId == p.Id).Select(c => c.User!.Email!).OrderBy(e => e).ToList(),
                p.LastConfirmedOn))
            .ToListAsync(cancellationToken);
    }
}

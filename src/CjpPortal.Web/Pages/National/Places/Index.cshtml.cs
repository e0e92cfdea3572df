using CjpPortal.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.National.Places;

/// <summary>Every town, village, district and island /find knows, with its council area.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string CouncilArea);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Places.AsNoTracking()
            .Select(p => new Row(p.Id, p.Name, p.CouncilArea.Name))
            .ToListAsync(cancellationToken);
        Rows = [.. rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.CouncilArea, StringComparer.Ordinal)];
    }
}

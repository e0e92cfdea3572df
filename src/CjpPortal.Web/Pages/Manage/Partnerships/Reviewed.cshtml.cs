using CjpPortal.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>After "confirm the entry is correct" on the annual review.</summary>
public class ReviewedModel(AppDbContext db) : PageModel
{
    public ManagedPartnership Partnership { get; private set; } = null!;
    public DateOnly? ConfirmedOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await ManagedPartnership.FindAsync(db, slug, cancellationToken) is not { } partnership)
        {
            return NotFound();
        }

        Partnership = partnership;
        ConfirmedOn = await db.Partnerships.Where(p => p.Id == partnership.Id).Select(p => p.LastConfirmedOn).SingleAsync(cancellationToken);
        return Page();
    }
}

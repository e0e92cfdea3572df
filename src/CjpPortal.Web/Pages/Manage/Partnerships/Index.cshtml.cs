using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>One partnership's editing overview: links to each part and "Confirm this page is up to date".</summary>
public class IndexModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PageModel
{
    public string Name { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public DateOnly? LastConfirmedOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new { p.Name, p.Slug, p.LastConfirmedOn })
            .SingleOrDefaultAsync(cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        (Name, Slug, LastConfirmedOn) = (partnership.Name, partnership.Slug, partnership.LastConfirmedOn);
        return Page();
    }

    /// <summary>Confirms the whole entry is up to date as of today (a Scottish date).</summary>
    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        partnership.LastConfirmedOn = ScottishTime.Today(clock);
        await db.SaveChangesAuditedAsync(FormPages.Actor(User), clock, cancellationToken);
        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        TempData[FormPages.BannerKey] = $"You confirmed that {partnership.Name}’s page is up to date.";
        return LocalRedirect(links.Partnership(slug));
    }
}

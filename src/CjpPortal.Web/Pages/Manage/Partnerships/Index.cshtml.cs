using CjpPortal.Core;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>One partnership's editing overview: links to each part and "Confirm this page is up to date".</summary>
public class IndexModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PageModel
{
    /// <summary>CJS staff (or an administrator) rather than the partnership's coordinator: they reach these pages from
    /// /national, and cannot open /manage.</summary>
    public bool ActsForCjs => PartnershipPages.ActsForCjs(User);

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
        if (await PartnershipPages.ConfirmAsync(db, clock, cache, User, slug, cancellationToken) is not { } name)
        {
            return NotFound();
        }

        TempData[FormPages.BannerKey] = $"You confirmed that {name}’s page is up to date.";
        return LocalRedirect(links.Partnership(slug));
    }
}

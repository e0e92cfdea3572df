using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Routes;

/// <summary>Asks for confirmation, then deletes an engagement route. Its history stays and the history page still
/// names it (from the title history recorded).</summary>
public class DeleteModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public EngagementRoute Route { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken cancellationToken) =>
        await LoadAsync(slug, id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, id, cancellationToken))
        {
            return NotFound();
        }

        db.EngagementRoutes.Remove(Route);
        await db.SaveChangesAuditedAsync(FormPages.Actor(User), clock, cancellationToken);
        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        TempData[FormPages.BannerKey] = $"“{Route.Title}” has been deleted.";
        return LocalRedirect(links.Routes(slug));
    }

    private async Task<bool> LoadAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        var route = partnership is null ? null
            : await db.EngagementRoutes.SingleOrDefaultAsync(r => r.Id == id && r.PartnershipId == partnership.Id, cancellationToken);
        if (partnership is null || route is null)
        {
            return false;
        }

        (PartnershipName, Slug, Route) = (partnership.Name, partnership.Slug, route);
        return true;
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Routes;

/// <summary>A partnership's engagement routes in the order the public page shows them: move a route up or down,
/// deactivate it (hidden from the public, kept for history) or reactivate it.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public IReadOnlyList<Item> Routes { get; private set; } = [];

    public sealed record Item(int Id, string Title, EngagementRouteKind Kind, bool IsActive);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        (PartnershipName, Slug) = (partnership.Name, partnership.Slug);
        Routes = await db.EngagementRoutes.AsNoTracking()
            .Where(r => r.PartnershipId == partnership.Id)
            .OrderBy(r => r.DisplayOrder).ThenBy(r => r.Title)
            .Select(r => new Item(r.Id, r.Title, r.Kind, r.IsActive))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostMoveUpAsync(string slug, int routeId, CancellationToken cancellationToken) =>
        ChangeAsync(slug, routeId, (routes, index) =>
        {
            if (index == 0)
            {
                return null;
            }

            (routes[index - 1], routes[index]) = (routes[index], routes[index - 1]);
            return $"“{routes[index - 1].Title}” has been moved up.";
        }, cancellationToken);

    public Task<IActionResult> OnPostMoveDownAsync(string slug, int routeId, CancellationToken cancellationToken) =>
        ChangeAsync(slug, routeId, (routes, index) =>
        {
            if (index == routes.Count - 1)
            {
                return null;
            }

            (routes[index + 1], routes[index]) = (routes[index], routes[index + 1]);
            return $"“{routes[index + 1].Title}” has been moved down.";
        }, cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(string slug, int routeId, CancellationToken cancellationToken) =>
        ChangeAsync(slug, routeId, (routes, index) =>
        {
            routes[index].IsActive = false;
            return $"“{routes[index].Title}” has been deactivated. It is no longer shown on the public page.";
        }, cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(string slug, int routeId, CancellationToken cancellationToken) =>
        ChangeAsync(slug, routeId, (routes, index) =>
        {
            routes[index].IsActive = true;
            return $"“{routes[index].Title}” has been reactivated.";
        }, cancellationToken);

    /// <summary>Applies one change to the route <paramref name="routeId"/> of the partnership in the URL, renumbers the
    /// positions and saves with history. <paramref name="change"/> returns the banner, or null when the change cannot
    /// be made (400).</summary>
    private async Task<IActionResult> ChangeAsync(string slug, int routeId, Func<List<EngagementRoute>, int, string?> change, CancellationToken cancellationToken)
    {
        var partnershipId = await db.Partnerships.Where(p => p.Slug == slug).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (partnershipId is null)
        {
            return NotFound();
        }

        // Ordered as shown; positions are renumbered 1, 2, 3... so a move is always a swap with the neighbour.
        var routes = await db.EngagementRoutes
            .Where(r => r.PartnershipId == partnershipId)
            .OrderBy(r => r.DisplayOrder).ThenBy(r => r.Title)
            .ToListAsync(cancellationToken);
        var index = routes.FindIndex(r => r.Id == routeId);
        if (index < 0)
        {
            return NotFound();
        }

        var message = change(routes, index);
        if (message is null)
        {
            return BadRequest();
        }

        for (var i = 0; i < routes.Count; i++)
        {
            routes[i].DisplayOrder = i + 1;
        }

        await db.SaveChangesAuditedAsync(FormPages.Actor(User), clock, cancellationToken);
        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        TempData[FormPages.BannerKey] = message;
        return LocalRedirect(links.Routes(slug));
    }
}

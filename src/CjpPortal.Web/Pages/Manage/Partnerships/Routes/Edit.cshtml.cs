using CjpPortal.Core;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Routes;

/// <summary>Edits one engagement route. A save from a form opened before someone else's save is refused.</summary>
public class EditModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : RouteFormModel(db, clock, cache, links)
{
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var route = await FindAsync(slug, id, cancellationToken);
        if (route is null)
        {
            return NotFound();
        }

        Fill(route);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var route = await FindAsync(slug, id, cancellationToken);
        if (route is null)
        {
            return NotFound();
        }

        await ValidateAsync(id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        if (!Db.ExpectVersion(route, Version))
        {
            return RefuseStale(route);
        }

        Apply(route);
        try
        {
            if (!await SaveAsync(cancellationToken))
            {
                return FormPages.Invalid(this);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            var current = await FindAsync(slug, id, cancellationToken);
            return current is null ? NotFound() : RefuseStale(current);
        }

        return SavedRedirect(Links.Routes, $"“{route.Title}” has been saved.");
    }

    private async Task<EngagementRoute?> FindAsync(string slug, int id, CancellationToken cancellationToken)
    {
        Id = id;
        return await LoadPartnershipAsync(slug, cancellationToken)
            ? await Db.EngagementRoutes.SingleOrDefaultAsync(r => r.Id == id && r.PartnershipId == PartnershipId, cancellationToken)
            : null;
    }
}

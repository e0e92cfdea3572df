using CjpPortal.Core;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Routes;

/// <summary>Adds an engagement route at the end of the partnership's list.</summary>
public class NewModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : RouteFormModel(db, clock, cache, links)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadPartnershipAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        await ValidateAsync(null, cancellationToken);
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var last = await Db.EngagementRoutes.Where(r => r.PartnershipId == PartnershipId).MaxAsync(r => (int?)r.DisplayOrder, cancellationToken);
        var route = new EngagementRoute { PartnershipId = PartnershipId, Title = Title!, DisplayOrder = (last ?? 0) + 1 };
        Apply(route);
        Db.EngagementRoutes.Add(route);
        return await SaveAsync(cancellationToken)
            ? SavedRedirect(Links.Routes, $"“{route.Title}” has been added.")
            : FormPages.Invalid(this);
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Organisations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Organisations;

/// <summary>Loads the listing a signed edit link is for: the id from the route, the token from the query string or
/// the form, valid for this listing as it is now and a status its owner may edit in.</summary>
public static class OwnerPages
{
    public static Task<Organisation?> FindEditableAsync(AppDbContext db, OrganisationLinks links, int id, string? token, CancellationToken cancellationToken) =>
        FindAsync(db, links, id, OrganisationLinks.EditPurpose, token, OrganisationListings.OwnerCanEdit, cancellationToken);

    /// <summary>The published listing a signed yearly-confirmation link is for (hidden or not), or null.</summary>
    public static Task<Organisation?> FindConfirmableAsync(AppDbContext db, OrganisationLinks links, int id, string? token, CancellationToken cancellationToken) =>
        FindAsync(db, links, id, OrganisationLinks.ConfirmPurpose, token, status => status == OrganisationStatus.Published, cancellationToken);

    private static async Task<Organisation?> FindAsync(AppDbContext db, OrganisationLinks links, int id, string purpose, string? token,
        Func<OrganisationStatus, bool> allowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(links);
        var organisation = await db.Organisations
            .Include(o => o.Areas).ThenInclude(a => a.CouncilArea)
            .Include(o => o.Services).ThenInclude(s => s.Areas)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is not null && allowed(organisation.Status) && links.IsValid(purpose, token, organisation)
            ? organisation
            : null;
    }

    /// <summary>A signed link that is tampered with, expired, replaced or for a listing in the wrong state: 404.</summary>
    public static PartialViewResult LinkNotWorking(PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Response.StatusCode = StatusCodes.Status404NotFound;
        return page.Partial("_LinkNotWorking");
    }

    public static string EditPath(int id, string? token) => OrganisationLinks.EditPath(id, token ?? string.Empty);

    public static string ServicePath(int id, int? serviceId, string? token) =>
        $"/organisations/{id}/services{(serviceId is { } s ? "/" + s : "")}?token={Uri.EscapeDataString(token ?? string.Empty)}";
}

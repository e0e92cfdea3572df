using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Organisations;
using CjpPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Api.OpenReferral;

/// <summary>Builds Open Referral services for a page of keys (an organisation's service, or a partnership's
/// engagement route when <c>Route</c>) in a fixed number of queries. Keys that are not served (an unpublished
/// organisation, an inactive route, no such row) are left out.</summary>
internal static class ServiceLoader
{
    public static Guid ServiceAreaId(bool route, int serviceId, int areaId) =>
        OpenReferralIds.For(OpenReferralKind.ServiceArea, (serviceId << 1) | (route ? 1 : 0), areaId);

    public static async Task<Dictionary<(bool Route, int Id), OrukService>> LoadAsync(AppDbContext db, HttpContext context, PortalLinks links,
        IReadOnlyList<(bool Route, int Id)> keys, CancellationToken ct)
    {
        var result = new Dictionary<(bool Route, int Id), OrukService>();
        if (keys.Count == 0)
        {
            return result;
        }

        var baseUri = links.BaseUri(context.Request);
        var allAreas = await db.CouncilAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);

        var serviceIds = keys.Where(k => !k.Route).Select(k => k.Id).ToList();
        if (serviceIds.Count > 0)
        {
            var visible = ListingReview.Visible(db.Organisations, context.RequestServices.GetRequiredService<ListingReviewClock>().Now()).Select(o => o.Id);
            var services = await db.OrganisationServices.AsNoTracking()
                .Where(s => serviceIds.Contains(s.Id) && visible.Contains(s.OrganisationId))
                .Select(s => new
                {
                    s.Id, s.Name, s.Description, s.Website, s.Email, s.Themes, s.CoversAllOfScotland, s.UpdatedAt,
                    Areas = s.Areas.OrderBy(a => a.CouncilArea.Name).Select(a => new { a.CouncilAreaId, a.CouncilArea.Name }).ToList(),
                    Organisation = new { s.Organisation.Id, s.Organisation.Name, s.Organisation.Description, s.Organisation.Website, s.Organisation.PublicEmail, s.Organisation.ConfirmedAt },
                })
                .AsSplitQuery()
                .ToListAsync(ct);
            foreach (var s in services)
            {
                var id = OpenReferralIds.For(OpenReferralKind.OrganisationService, s.Id);
                var organisationId = OpenReferralIds.For(OpenReferralKind.Organisation, s.Organisation.Id);
                var areas = s.CoversAllOfScotland ? allAreas.ConvertAll(a => (a.Id, a.Name)) : s.Areas.ConvertAll(a => (Id: a.CouncilAreaId, a.Name));
                var attributes = s.Themes.Select(t => Themes.Of(t)).Select(theme =>
                {
                    var term = OpenReferralIds.For(OpenReferralKind.TaxonomyTerm, (int)theme.Theme);
                    return new OrukAttributeLink(OpenReferralIds.For(OpenReferralKind.Attribute, s.Id, (int)theme.Theme), id, "service", term,
                        OpenReferralApi.Term(baseUri, theme));
                }).ToList();
                result[(false, s.Id)] = new OrukService(id, organisationId, s.Name, OpenReferralApi.ActiveStatus,
                    Description: s.Description,
                    Url: AbsoluteOrNull(s.Website) ?? new Uri(baseUri, OrganisationLinks.ShowPath(s.Organisation.Id).TrimStart('/')).ToString(),
                    Email: Blank(s.Email) ?? Blank(s.Organisation.PublicEmail),
                    AssuredDate: s.Organisation.ConfirmedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    LastModified: s.UpdatedAt,
                    ServiceAreas: NullIfEmpty(areas.ConvertAll(a => new OrukServiceArea(ServiceAreaId(false, s.Id, a.Id), id, a.Name, $"{a.Name} council area"))),
                    Organization: new OrukOrganization(organisationId, s.Organisation.Name, s.Organisation.Description, AbsoluteOrNull(s.Organisation.Website),
                        Blank(s.Organisation.PublicEmail)),
                    Attributes: NullIfEmpty(attributes));
            }
        }

        var routeIds = keys.Where(k => k.Route).Select(k => k.Id).ToList();
        if (routeIds.Count > 0)
        {
            var routes = await db.EngagementRoutes.AsNoTracking()
                .Where(r => routeIds.Contains(r.Id) && r.IsActive)
                .Select(r => new
                {
                    r.Id, r.Title, r.Description, r.ContactEmail,
                    Partnership = new { r.Partnership.Id, r.Partnership.Name, r.Partnership.Slug, r.Partnership.Website },
                    Areas = r.Partnership.CouncilAreas.OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToList(),
                })
                .AsSplitQuery()
                .ToListAsync(ct);
            foreach (var r in routes)
            {
                var id = OpenReferralIds.For(OpenReferralKind.EngagementRoute, r.Id);
                var organisationId = OpenReferralIds.For(OpenReferralKind.Partnership, r.Partnership.Id);
                var areaNames = string.Join(", ", r.Areas.Select(a => a.Name));
                result[(true, r.Id)] = new OrukService(id, organisationId, r.Title, OpenReferralApi.ActiveStatus,
                    Description: Blank(r.Description),
                    Url: new Uri(baseUri, $"partnerships/{Uri.EscapeDataString(r.Partnership.Slug)}").ToString(),
                    Email: Blank(r.ContactEmail),
                    ServiceAreas: NullIfEmpty(r.Areas.ConvertAll(a => new OrukServiceArea(ServiceAreaId(true, r.Id, a.Id), id, a.Name, $"{a.Name} council area"))),
                    Organization: new OrukOrganization(organisationId, r.Partnership.Name,
                        $"The Community Justice Partnership for {areaNames}: a way for third-sector organisations to take part in its work.",
                        AbsoluteOrNull(r.Partnership.Website)));
            }
        }

        return result;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? AbsoluteOrNull(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.ToString() : null;

    private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count == 0 ? null : list;
}

using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Organisations;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Api.OpenReferral;

/// <summary>Builds Open Referral services for a page of keys (an organisation's service, or a partnership's
/// engagement route when <c>Route</c>): services from the <see cref="ListingIndex"/>, routes in one query. Keys that are not served (an unpublished
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
        var index = await context.RequestServices.GetRequiredService<ListingIndexCache>().GetAsync(ct);

        // Organisations' services come from the index of published listings held in memory (ListingIndex), which
        // every change to a listing replaces on every instance; hidden listings' services are left out.
        var cutoffs = context.RequestServices.GetRequiredService<ListingReviewClock>().Now();
        foreach (var key in keys.Where(k => !k.Route))
        {
            if (!index.ServicesById.TryGetValue(key.Id, out var s) || !index.ById.TryGetValue(s.OrganisationId, out var organisation) ||
                !ListingIndex.IsVisible(organisation, cutoffs))
            {
                continue;
            }

            var id = OpenReferralIds.For(OpenReferralKind.OrganisationService, s.Id);
            var organisationId = OpenReferralIds.For(OpenReferralKind.Organisation, organisation.Id);
            var areas = s.AllOfScotland ? index.CouncilAreas : s.Areas;
            var attributes = s.Themes.Select(t => Themes.Of(t)).Select(theme =>
            {
                var term = OpenReferralIds.For(OpenReferralKind.TaxonomyTerm, (int)theme.Theme);
                return new OrukAttributeLink(OpenReferralIds.For(OpenReferralKind.Attribute, s.Id, (int)theme.Theme), id, "service", term,
                    OpenReferralApi.Term(baseUri, theme));
            }).ToList();
            result[(false, s.Id)] = new OrukService(id, organisationId, s.Name, OpenReferralApi.ActiveStatus,
                Description: s.Description,
                Url: AbsoluteOrNull(s.Website) ?? new Uri(baseUri, OrganisationLinks.ShowPath(organisation.Id).TrimStart('/')).ToString(),
                Email: Blank(s.Email) ?? Blank(organisation.PublicEmail),
                AssuredDate: organisation.ConfirmedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                LastModified: s.UpdatedAt,
                ServiceAreas: NullIfEmpty([.. areas.Select(a => new OrukServiceArea(ServiceAreaId(false, s.Id, a.Id), id, a.Name, $"{a.Name} council area"))]),
                Organization: new OrukOrganization(organisationId, organisation.Name, organisation.Description, AbsoluteOrNull(organisation.Website),
                    Blank(organisation.PublicEmail)),
                Attributes: NullIfEmpty(attributes));
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

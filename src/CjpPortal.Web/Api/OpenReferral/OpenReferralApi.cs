using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CjpPortal.Core;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Organisations;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Api.OpenReferral;

/// <summary>The read-only Open Referral UK (HSDS 3.0, UK profile) API under <see cref="BasePath"/>: no key, open to
/// every origin. Services are published organisations' services and partnerships' active engagement routes (the
/// partnership is then the organisation); the one taxonomy is the portal's themes; a service's areas are council
/// areas, and each (service, council area) pair is a service-at-location. Ids: <see cref="OpenReferralIds"/>.
/// Lists are paged in the database, except <c>/services</c>, paged in memory from the ids its filters match (kept per
/// <see cref="ListingIndex"/>: <see cref="ListingIndex.Matches"/>); bad paging is 400 and an unknown id 404, both in JSON.</summary>
public static class OpenReferralApi
{
    public const string BasePath = "/api/openreferral/v3";
    public const string HsdsVersion = "HSDS-UK-3.0";
    public const string ProfileUrl = "https://openreferraluk.org/uk";
    public const string TaxonomyName = "CJP Portal themes";
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 100;
    public const string ActiveStatus = "active";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Guid TaxonomyId { get; } = OpenReferralIds.For(OpenReferralKind.Taxonomy, 1);

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(BasePath).AllowAnonymous().AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            return await next(context);
        });
        api.MapMethods("/", GetAndHead, (HttpContext context, PortalLinks links) => Ok(new OrukApiInfo(HsdsVersion, ProfileUrl, Absolute(context, links, "openapi.json"))));
        api.MapMethods("/openapi.json", GetAndHead, OpenApiDocument);
        api.MapMethods("/services", GetAndHead, ServicesAsync);
        api.MapMethods("/services/{id}", GetAndHead, ServiceAsync);
        api.MapMethods("/taxonomies", GetAndHead, (HttpContext context, PortalLinks links) => PageInMemory(context, [Taxonomy(context, links)]));
        api.MapMethods("/taxonomies/{id}", GetAndHead, (string id, HttpContext context, PortalLinks links) =>
            Guid.TryParse(id, out var guid) && guid == TaxonomyId ? Ok(Taxonomy(context, links)) : NotFound("taxonomy"));
        api.MapMethods("/taxonomy_terms", GetAndHead, (HttpContext context, PortalLinks links) =>
            PageInMemory(context, [.. Themes.All.Select(t => Term(context, links, t))]));
        api.MapMethods("/taxonomy_terms/{id}", GetAndHead, (string id, HttpContext context, PortalLinks links) =>
            ThemeOf(id) is { } theme ? Ok(Term(context, links, theme)) : NotFound("taxonomy term"));
        api.MapMethods("/service_at_locations", GetAndHead, ServiceAtLocationsAsync);
        api.MapMethods("/service_at_locations/{id}", GetAndHead, ServiceAtLocationAsync);
    }

    /// <summary>GET, and HEAD answering as GET does (as every portal endpoint). Each endpoint's handler is written at
    /// its <c>MapMethods</c> call (not passed on as a <see cref="Delegate"/>), so the request delegate generator builds
    /// its request delegate at compile time instead of at start-up.</summary>
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    private static IResult Ok(object value) => Results.Json(value, Json);

    private static IResult BadRequest(string message) => Results.Json(new OrukError(message), Json, statusCode: StatusCodes.Status400BadRequest);

    private static IResult NotFound(string what) => Results.Json(new OrukError($"There is no {what} with that id."), Json, statusCode: StatusCodes.Status404NotFound);

    private static string Absolute(HttpContext context, PortalLinks links, string relative) =>
        new Uri(links.BaseUri(context.Request), $"{BasePath.TrimStart('/')}/{relative}").ToString();

    /// <summary>The published ORUK 3.0 OpenAPI description (embedded), its <c>servers</c> set to this portal.</summary>
    private static IResult OpenApiDocument(HttpContext context, PortalLinks links)
    {
        using var stream = typeof(OpenReferralApi).Assembly.GetManifestResourceStream($"{typeof(OpenReferralApi).Namespace}.openapi.json")
            ?? throw new InvalidOperationException("The embedded openapi.json is missing.");
        var document = JsonNode.Parse(stream)!.AsObject();
        document["servers"] = new JsonArray(new JsonObject { ["url"] = Absolute(context, links, string.Empty).TrimEnd('/') });
        return Results.Text(document.ToJsonString(), "application/json");
    }

    // ---- Paging ----

    private readonly record struct Paging(int Page, int PerPage)
    {
        public int Skip => (Page - 1) * PerPage;
    }

    /// <summary><c>page</c> (from 1) and <c>per_page</c> (1 to <see cref="MaxPerPage"/>), or the message for a 400.</summary>
    private static (Paging Paging, string? Error) ReadPaging(HttpRequest request)
    {
        var page = 1;
        var perPage = DefaultPerPage;
        if (request.Query.TryGetValue("page", out var pageText) &&
            (!int.TryParse(pageText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return (default, "page must be a whole number of 1 or more.");
        }

        if (request.Query.TryGetValue("per_page", out var perPageText) &&
            (!int.TryParse(perPageText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage < 1 || perPage > MaxPerPage))
        {
            return (default, $"per_page must be a whole number from 1 to {MaxPerPage.ToString(CultureInfo.InvariantCulture)}.");
        }

        if ((long)(page - 1) * perPage > int.MaxValue)
        {
            return (default, "page is too large.");
        }

        return (new Paging(page, perPage), null);
    }

    private static OrukPage<T> Envelope<T>(Paging paging, int total, List<T> contents)
    {
        var totalPages = (int)((total + (long)paging.PerPage - 1) / paging.PerPage);
        return new OrukPage<T>(total, totalPages, paging.Page, contents.Count, paging.Page == 1, paging.Page == Math.Max(totalPages, 1),
            contents.Count == 0, contents);
    }

    private static IResult PageInMemory<T>(HttpContext context, IReadOnlyList<T> all)
    {
        var (paging, error) = ReadPaging(context.Request);
        return error is not null ? BadRequest(error) : Ok(Envelope(paging, all.Count, [.. all.Skip(paging.Skip).Take(paging.PerPage)]));
    }

    /// <summary>One page of the concatenation of several ordered queries, each counted and paged in the database.</summary>
    private static async Task<(int Total, List<T> Items)> PageAcrossAsync<T>(Paging paging, params (Func<Task<int>> Count, Func<int, int, Task<List<T>>> Fetch)[] sources)
    {
        var total = 0;
        var items = new List<T>();
        var skip = paging.Skip;
        foreach (var (count, fetch) in sources)
        {
            var n = await count();
            total += n;
            var wanted = paging.PerPage - items.Count;
            if (wanted > 0 && skip < n)
            {
                items.AddRange(await fetch(skip, wanted));
            }

            skip = Math.Max(0, skip - n);
        }

        return (total, items);
    }

    // ---- Taxonomy ----

    private static OrukTaxonomy Taxonomy(HttpContext context, PortalLinks links) =>
        new(TaxonomyId, TaxonomyName, "What third-sector organisations and their services in the CJP Portal do: the portal's themes.",
            new Uri(links.BaseUri(context.Request), "organisations").ToString(), "1");

    private static OrukTaxonomyTerm Term(HttpContext context, PortalLinks links, ThemeInfo theme) => Term(links.BaseUri(context.Request), theme);

    internal static OrukTaxonomyTerm Term(Uri baseUri, ThemeInfo theme) =>
        new(OpenReferralIds.For(OpenReferralKind.TaxonomyTerm, (int)theme.Theme), theme.Name,
            $"Organisations and services working on: {theme.Name.ToLowerInvariant()}.", TaxonomyId, TaxonomyName, theme.Slug,
            new Uri(baseUri, $"organisations?theme={theme.Slug}").ToString());

    private static ThemeInfo? ThemeOf(string? id) =>
        OpenReferralIds.TryRead(id, OpenReferralKind.TaxonomyTerm, out var value, out var second) && second == 0 && Enum.IsDefined((Theme)value)
            ? Themes.Of((Theme)value)
            : null;

    // ---- Services ----

    /// <summary>The filters <c>/services</c> and <c>/service_at_locations</c> share, combined with AND: <c>search</c>
    /// (every word, by PostgreSQL full-text search with the English configuration as the organisation search uses it,
    /// so "prisoners" finds "prison", in the name, description, who it is for, the organisation's name or the
    /// themes' names; a route's title or description), <c>taxonomy_term_id</c>, <c>taxonomy_id</c>, <c>organization_id</c>.
    /// A filter naming nothing the portal has matches nothing.</summary>
    private sealed class ServiceFilter
    {
        public List<string> Words { get; } = [];
        public Theme? Theme { get; set; }
        public bool OnlyWithThemes { get; set; }
        public bool MatchesNothing { get; set; }
        public int? OrganisationId { get; set; }
        public int? PartnershipId { get; set; }

        public static ServiceFilter Read(HttpRequest request)
        {
            var filter = new ServiceFilter();
            var search = request.Query["search"].ToString();
            filter.Words.AddRange(search.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(10));
            if (request.Query.TryGetValue("taxonomy_term_id", out var termId))
            {
                filter.Theme = ThemeOf(termId.ToString())?.Theme;
                filter.MatchesNothing |= filter.Theme is null;
            }

            if (request.Query.TryGetValue("taxonomy_id", out var taxonomyId))
            {
                filter.OnlyWithThemes = true;
                filter.MatchesNothing |= !(Guid.TryParse(taxonomyId.ToString(), out var guid) && guid == TaxonomyId);
            }

            if (request.Query.TryGetValue("organization_id", out var organisationId))
            {
                if (OpenReferralIds.TryRead(organisationId.ToString(), OpenReferralKind.Organisation, out var o, out _))
                {
                    filter.OrganisationId = o;
                }
                else if (OpenReferralIds.TryRead(organisationId.ToString(), OpenReferralKind.Partnership, out var p, out _))
                {
                    filter.PartnershipId = p;
                }
                else
                {
                    filter.MatchesNothing = true;
                }
            }

            return filter;
        }

        private string Text => string.Join(' ', Words);

        public IQueryable<OrganisationService> Apply(AppDbContext db, ListingReviewCutoffs cutoffs)
        {
            var visible = ListingReview.Visible(db.Organisations, cutoffs).Select(o => o.Id);
            return Narrow(db.OrganisationServices.AsNoTracking().Where(s => visible.Contains(s.OrganisationId)));
        }

        /// <summary>The ids of the services that match, in id order: the words matched by PostgreSQL (through the
        /// full-text index, without visiting the listings), everything else from the <see cref="ListingIndex"/>.</summary>
        public async Task<List<int>> ServiceIdsAsync(AppDbContext db, ListingIndex index, ListingReviewCutoffs cutoffs, CancellationToken ct)
        {
            if (MatchesNothing || PartnershipId is not null)
            {
                return [];
            }

            if (Words.Count > 0)
            {
                // Ids only (the organisation, the visibility and the order come from the index), unsorted: PostgreSQL
                // need not sort over a thousand matches for two common words. Kept by the index taken before the SQL
                // runs (ListingIndex.Matches), before the visibility, which depends on the moment and is applied here.
                var matched = await index.Matches.GetOrRunAsync(new ServiceMatchKey(Text, Theme, OnlyWithThemes, OrganisationId), async () =>
                {
                    var ids = await Narrow(db.OrganisationServices.AsNoTracking()).Select(s => s.Id).ToArrayAsync(ct);
                    Array.Sort(ids);
                    return ids;
                }, ids => ids.Length);
                return [.. matched.Where(id => index.ServicesById.TryGetValue(id, out var service) && index.IsVisible(service.OrganisationId, cutoffs))];
            }

            return [.. index.Services.Where(s => (Theme is null || s.Themes.Contains(Theme.Value)) && (!OnlyWithThemes || s.Themes.Count > 0)
                && (OrganisationId is null || s.OrganisationId == OrganisationId) && index.IsVisible(s.OrganisationId, cutoffs)).Select(s => s.Id)];
        }

        private IQueryable<OrganisationService> Narrow(IQueryable<OrganisationService> query)
        {
            if (MatchesNothing || PartnershipId is not null)
            {
                return query.Where(s => false);
            }

            if (Words.Count > 0)
            {
                // The generated tsvector of the name and search text (name, description, who it is for, the
                // organisation's name, theme names), GIN-indexed; every word must match.
                var text = Text;
                query = query.Where(s => s.SearchVector.Matches(EF.Functions.PlainToTsQuery("english", text)));
            }

            if (Theme is { } theme)
            {
                // themes && {theme}, which the GIN index on themes serves (Contains becomes = ANY, which it cannot).
                Theme[] wanted = [theme];
                query = query.Where(s => s.Themes.Any(t => wanted.Contains(t)));
            }

            if (OnlyWithThemes)
            {
                query = query.Where(s => s.Themes.Count > 0);
            }

            if (OrganisationId is { } organisationId)
            {
                query = query.Where(s => s.OrganisationId == organisationId);
            }

            return query;
        }

        /// <summary>The ids of the active engagement routes that match, in id order: the words and the partnership
        /// matched by PostgreSQL once per index, then kept in it (<see cref="ListingIndex.Matches"/>), which
        /// <paramref name="index"/> must have been taken before this runs. Routes are not in the index, but every
        /// change to one (adding, editing, moving, deactivating, reactivating or deleting it: the pages under
        /// Pages/Manage/Partnerships/Routes) evicts it through <see cref="PublicCache.EvictAsync"/> once saved, as
        /// listing edits do, so a kept answer is never older than the routes it stands for.</summary>
        public async Task<int[]> RouteIdsAsync(AppDbContext db, ListingIndex index, CancellationToken ct)
        {
            if (MatchesNoRoute)
            {
                return [];
            }

            return await index.Matches.GetOrRunAsync(new RouteMatchKey(Text, PartnershipId),
                () => ApplyRoutes(db).OrderBy(r => r.Id).Select(r => r.Id).ToArrayAsync(ct), ids => ids.Length);
        }

        /// <summary>Everything that goes into the SQL of a services word match (<see cref="Narrow"/>).</summary>
        private sealed record ServiceMatchKey(string Words, Theme? Theme, bool OnlyWithThemes, int? OrganisationId);

        /// <summary>Everything that goes into the SQL of a routes match (<see cref="ApplyRoutes"/>) besides what makes it
        /// match nothing.</summary>
        private sealed record RouteMatchKey(string Words, int? PartnershipId);

        private bool MatchesNoRoute => MatchesNothing || Theme is not null || OnlyWithThemes || OrganisationId is not null;

        /// <summary>Engagement routes have no themes: a theme or taxonomy filter leaves none.</summary>
        public IQueryable<EngagementRoute> ApplyRoutes(AppDbContext db)
        {
            var query = db.EngagementRoutes.AsNoTracking().Where(r => r.IsActive);
            if (MatchesNoRoute)
            {
                return query.Where(r => false);
            }

            if (Words.Count > 0)
            {
                // The same English full-text match, on the route's generated, GIN-indexed tsvector.
                var text = Text;
                query = query.Where(r => r.SearchVector.Matches(EF.Functions.PlainToTsQuery("english", text)));
            }

            if (PartnershipId is { } partnershipId)
            {
                query = query.Where(r => r.PartnershipId == partnershipId);
            }

            return query;
        }
    }

    /// <summary>A list of services or service-at-locations: paging read (400 when bad), the shared filters applied.</summary>
    private static async Task<IResult> FilteredListAsync(HttpContext context, AppDbContext db,
        Func<Paging, IQueryable<OrganisationService>, IQueryable<EngagementRoute>, CancellationToken, Task<IResult>> list)
    {
        var (paging, error) = ReadPaging(context.Request);
        if (error is not null)
        {
            return BadRequest(error);
        }

        var filter = ServiceFilter.Read(context.Request);
        var cutoffs = context.RequestServices.GetRequiredService<ListingReviewClock>().Now();
        return await list(paging, filter.Apply(db, cutoffs), filter.ApplyRoutes(db), context.RequestAborted);
    }

    private static async Task<IResult> ServicesAsync(HttpContext context, AppDbContext db, PortalLinks links, ListingIndexCache listingIndex)
    {
        var (paging, error) = ReadPaging(context.Request);
        if (error is not null)
        {
            return BadRequest(error);
        }

        var ct = context.RequestAborted;
        var filter = ServiceFilter.Read(context.Request);
        var cutoffs = context.RequestServices.GetRequiredService<ListingReviewClock>().Now();
        // The index first: the word matches are kept in it, and must be kept in one taken before their SQL runs.
        var index = await listingIndex.GetAsync(ct);
        var serviceIds = await filter.ServiceIdsAsync(db, index, cutoffs, ct);
        var routeIds = await filter.RouteIdsAsync(db, index, ct);
        var (total, keys) = await PageAcrossAsync(paging,
            (() => Task.FromResult(serviceIds.Count), (skip, take) =>
                Task.FromResult(serviceIds.Skip(skip).Take(take).Select(id => (Route: false, Id: id)).ToList())),
            (() => Task.FromResult(routeIds.Length), (skip, take) =>
                Task.FromResult(routeIds.Skip(skip).Take(take).Select(id => (Route: true, Id: id)).ToList())));
        var loaded = await ServiceLoader.LoadAsync(db, context, links, keys, ct);
        return Ok(Envelope(paging, total, [.. keys.Where(loaded.ContainsKey).Select(k => loaded[k])]));
    }

    private static async Task<IResult> ServiceAsync(string id, HttpContext context, AppDbContext db, PortalLinks links)
    {
        (bool Route, int Id) key;
        if (OpenReferralIds.TryRead(id, OpenReferralKind.OrganisationService, out var serviceId, out var s) && s == 0)
        {
            key = (false, serviceId);
        }
        else if (OpenReferralIds.TryRead(id, OpenReferralKind.EngagementRoute, out var routeId, out var r) && r == 0)
        {
            key = (true, routeId);
        }
        else
        {
            return NotFound("service");
        }

        var loaded = await ServiceLoader.LoadAsync(db, context, links, [key], context.RequestAborted);
        return loaded.TryGetValue(key, out var service) ? Ok(service) : NotFound("service");
    }

    // ---- Service at locations ----

    private static Task<IResult> ServiceAtLocationsAsync(HttpContext context, AppDbContext db, PortalLinks links) =>
        FilteredListAsync(context, db, async (paging, services, routes, ct) =>
        {
            var inAreas = db.OrganisationServiceAreas.AsNoTracking().Where(a => !a.Service.CoversAllOfScotland && services.Any(s => s.Id == a.ServiceId));
            var allOfScotland = services.Where(s => s.CoversAllOfScotland).SelectMany(_ => db.CouncilAreas, (s, a) => new { ServiceId = s.Id, AreaId = a.Id });
            var routeAreas = routes.SelectMany(r => r.Partnership.CouncilAreas, (r, a) => new { RouteId = r.Id, AreaId = a.Id });
            var (total, keys) = await PageAcrossAsync(paging,
                (() => inAreas.CountAsync(ct), async (skip, take) =>
                    (await inAreas.OrderBy(a => a.ServiceId).ThenBy(a => a.CouncilAreaId).Skip(skip).Take(take).Select(a => new { a.ServiceId, a.CouncilAreaId }).ToListAsync(ct))
                        .ConvertAll(a => new SalKey(false, a.ServiceId, a.CouncilAreaId))),
                (() => allOfScotland.CountAsync(ct), async (skip, take) =>
                    (await allOfScotland.OrderBy(a => a.ServiceId).ThenBy(a => a.AreaId).Skip(skip).Take(take).ToListAsync(ct))
                        .ConvertAll(a => new SalKey(false, a.ServiceId, a.AreaId))),
                (() => routeAreas.CountAsync(ct), async (skip, take) =>
                    (await routeAreas.OrderBy(a => a.RouteId).ThenBy(a => a.AreaId).Skip(skip).Take(take).ToListAsync(ct))
                        .ConvertAll(a => new SalKey(true, a.RouteId, a.AreaId))));
            var items = await ServiceAtLocations(db, context, links, keys, ct);
            return Ok(Envelope(paging, total, items));
        });

    private static async Task<IResult> ServiceAtLocationAsync(string id, HttpContext context, AppDbContext db, PortalLinks links)
    {
        if (!OpenReferralIds.TryRead(id, OpenReferralKind.ServiceAtLocation, out var value, out var areaId))
        {
            return NotFound("service at location");
        }

        // The row id packs the kind of service in its lowest bit (0 an organisation's service, 1 a route).
        var key = new SalKey((value & 1) == 1, value >> 1, areaId);
        var items = await ServiceAtLocations(db, context, links, [key], context.RequestAborted);
        return items.Count == 1 ? Ok(items[0]) : NotFound("service at location");
    }

    private readonly record struct SalKey(bool Route, int Id, int AreaId)
    {
        public Guid ServiceAtLocationId => OpenReferralIds.For(OpenReferralKind.ServiceAtLocation, (Id << 1) | (Route ? 1 : 0), AreaId);
    }

    /// <summary>The service-at-locations for <paramref name="keys"/> whose service is served and covers the area.</summary>
    private static async Task<List<OrukServiceAtLocation>> ServiceAtLocations(AppDbContext db, HttpContext context, PortalLinks links, IReadOnlyList<SalKey> keys,
        CancellationToken ct)
    {
        var services = await ServiceLoader.LoadAsync(db, context, links, [.. keys.Select(k => (k.Route, k.Id)).Distinct()], ct);
        var areas = (await context.RequestServices.GetRequiredService<ListingIndexCache>().GetAsync(ct)).CouncilAreasById;
        var result = new List<OrukServiceAtLocation>();
        foreach (var key in keys)
        {
            var locationId = OpenReferralIds.For(OpenReferralKind.Location, key.AreaId);
            if (!services.TryGetValue((key.Route, key.Id), out var service) || !areas.TryGetValue(key.AreaId, out var area) ||
                service.ServiceAreas?.Any(a => a.Id == ServiceLoader.ServiceAreaId(key.Route, key.Id, key.AreaId)) != true)
            {
                continue;
            }

            result.Add(new OrukServiceAtLocation(key.ServiceAtLocationId, service.Id, locationId,
                new OrukLocation(locationId, "physical", area.Name, $"The council area of {area.Name}.", area.GssCode, "gss"), service));
        }

        return result;
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Queries;

/// <summary>A published listing as search filters, counts, orders and shows it in its results. <see cref="NameOrder"/>
/// is its place in the database's order by name then id, so sorting by it here gives what <c>ORDER BY name, id</c>
/// gives there. <see cref="Areas"/> are the council areas it names, in name order;
/// <see cref="ServiceNames"/> its services' names in their display order. <see cref="ConfirmedAt"/> is when its contact last confirmed it (none
/// until the first yearly confirmation), <see cref="LastConfirmed"/> that or else when it was published.</summary>
public sealed record IndexedListing(
    int Id, int NameOrder, DateTimeOffset? LastConfirmed, IReadOnlyList<Theme> Themes, bool AllOfScotland, IReadOnlyList<CouncilAreaItem> Areas,
    string Name, string Description, IReadOnlyList<string> ServiceNames,
    string? Website, string? PublicEmail, DateTimeOffset? ConfirmedAt);

/// <summary>A published listing's service as the open-data API filters and shows it. <see cref="Areas"/> are its own
/// council areas (none when it covers all of Scotland), in name order.</summary>
public sealed record IndexedService(
    int Id, int OrganisationId, IReadOnlyList<Theme> Themes, string Name, string Description, string? Website, string? Email,
    bool AllOfScotland, DateTimeOffset UpdatedAt, IReadOnlyList<CouncilAreaItem> Areas);

public sealed record CouncilAreaItem(int Id, string GssCode, string Name);

/// <summary>What every search of the organisation directory filters, counts, pages and shows, in memory: the published
/// listings' themes, areas, dates and what a result shows of them (name, description, area and service names: about
/// 1 KB each, 5 MB for 5,000 listings), their services, and the council areas by name. Words are matched by PostgreSQL
/// (full-text search, or word similarity); the facet counts, the order, the page and the page's results come from
/// here, from the ids it returns, instead of PostgreSQL going through every matching listing's themes and areas again
/// and loading the page's listings for each request. Whether a listing is hidden or out of date is worked out from its date at the
/// moment of the request (<see cref="ListingReviewCutoffs"/>), never stored here. What PostgreSQL answers to a search's
/// words is kept in <see cref="Matches"/>, for as long as this index is in use.</summary>
public sealed class ListingIndex
{
    public ListingIndex(
        IReadOnlyList<IndexedListing> listings, IReadOnlyList<IndexedService> services, IReadOnlyList<CouncilAreaItem> councilAreas,
        int matchCacheEntries)
    {
        Matches = new MatchCache(matchCacheEntries);
        Listings = listings;
        Services = services;
        CouncilAreas = councilAreas;
        ById = listings.ToDictionary(l => l.Id);
        ServicesById = services.ToDictionary(s => s.Id);
        CouncilAreasById = councilAreas.ToDictionary(a => a.Id);
    }

    /// <summary>Published listings, in name order.</summary>
    public IReadOnlyList<IndexedListing> Listings { get; }

    public IReadOnlyDictionary<int, IndexedListing> ById { get; }

    /// <summary>The services of published listings, by id.</summary>
    public IReadOnlyList<IndexedService> Services { get; }

    public IReadOnlyDictionary<int, IndexedService> ServicesById { get; }

    /// <summary>Every council area, by name.</summary>
    public IReadOnlyList<CouncilAreaItem> CouncilAreas { get; }

    public IReadOnlyDictionary<int, CouncilAreaItem> CouncilAreasById { get; }

    /// <summary>The word-match answers of searches made with this index (<see cref="OrganisationQueries.SearchAsync"/>,
    /// the Open Referral services list: listings, services and engagement routes). Held by the index so that it is
    /// dropped with it: <see cref="ListingIndexCache"/> replaces the index after every edit of directory data (on every
    /// instance) and after its time-to-live. A search must take the index before it runs its SQL and keep the answer
    /// in that same index, never in one fetched afterwards: then an answer read before an edit committed can only be
    /// kept by an index that the edit's eviction drops (see <see cref="MatchCache"/>).</summary>
    public MatchCache Matches { get; }

    /// <summary>Whether the published listing <paramref name="organisationId"/> is shown to the public at <paramref name="cutoffs"/>.</summary>
    public bool IsVisible(int organisationId, ListingReviewCutoffs cutoffs) =>
        ById.TryGetValue(organisationId, out var listing) && IsVisible(listing, cutoffs);

    public static bool IsVisible(IndexedListing listing, ListingReviewCutoffs cutoffs)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(cutoffs);
        return cutoffs.FreshnessOf(listing.LastConfirmed) != ListingFreshness.Hidden;
    }
}

/// <summary>The <see cref="ListingIndex"/> of this process (<see cref="SharedLoad{T}"/>): replaced when
/// <see cref="Infrastructure.PublicCache"/> evicts, which every change to a listing, its services or an engagement route
/// does, on every instance, or after <see cref="PortalOptions.PublicPageCacheSeconds"/>. Each index keeps
/// <see cref="PortalOptions.SearchMatchCacheEntries"/> word matches (<see cref="ListingIndex.Matches"/>).</summary>
public sealed class ListingIndexCache(IServiceScopeFactory scopes, IOptions<PortalOptions> options, TimeProvider clock)
{
    private readonly SharedLoad<ListingIndex> shared = new(
        async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), options.Value.SearchMatchCacheEntries);
        },
        () => TimeSpan.FromSeconds(Math.Max(1, options.Value.PublicPageCacheSeconds)),
        clock);

    public async Task<ListingIndex> GetAsync(CancellationToken cancellationToken = default) => (await shared.GetAsync(cancellationToken)).Value;

    public void Invalidate() => shared.Invalidate();

    private static async Task<ListingIndex> LoadAsync(AppDbContext db, int matchCacheEntries)
    {
        var listings = await db.Organisations.AsNoTracking()
            .Where(o => o.Status == OrganisationStatus.Published)
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new
            {
                o.Id, LastConfirmed = o.ConfirmedAt ?? o.PublishedAt, o.Themes, o.CoversAllOfScotland, o.Name, o.Description,
                o.Website, o.PublicEmail, o.ConfirmedAt,
                AreaIds = o.Areas.Select(a => a.CouncilAreaId).ToList(),
                ServiceNames = o.Services.OrderBy(s => s.DisplayOrder).ThenBy(s => s.Id).Select(s => s.Name).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(CancellationToken.None);
        var services = await db.OrganisationServices.AsNoTracking()
            .Where(s => s.Organisation.Status == OrganisationStatus.Published)
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.OrganisationId, s.Themes, s.Name, s.Description, s.Website, s.Email, s.CoversAllOfScotland, s.UpdatedAt,
                AreaIds = s.Areas.Select(a => a.CouncilAreaId).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(CancellationToken.None);
        var areas = await db.CouncilAreas.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new CouncilAreaItem(a.Id, a.GssCode, a.Name))
            .ToListAsync(CancellationToken.None);
        // Areas are loaded in the database's name order; a listing's or service's areas keep that order.
        var areaOrder = areas.Select((a, i) => (a.Id, Order: i)).ToDictionary(a => a.Id, a => a.Order);
        List<CouncilAreaItem> InNameOrder(List<int> areaIds) => [.. areaIds.OrderBy(id => areaOrder[id]).Select(id => areas[areaOrder[id]])];
        return new ListingIndex(
            [.. listings.Select((l, i) => new IndexedListing(
                l.Id, i, l.LastConfirmed, l.Themes, l.CoversAllOfScotland, InNameOrder(l.AreaIds), l.Name, l.Description,
                l.ServiceNames, l.Website, l.PublicEmail, l.ConfirmedAt))],
            [.. services.Select(s => new IndexedService(
                s.Id, s.OrganisationId, s.Themes, s.Name, s.Description, s.Website, s.Email, s.CoversAllOfScotland, s.UpdatedAt,
                s.CoversAllOfScotland ? [] : InNameOrder(s.AreaIds)))],
            areas,
            matchCacheEntries);
    }
}

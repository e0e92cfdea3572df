using CjpPortal.Core;
using CjpPortal.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Queries;

/// <summary>A published listing as search filters, counts and orders it. <see cref="NameOrder"/> is its place in the
/// database's order by name then id, so sorting by it here gives what <c>ORDER BY name, id</c> gives there.</summary>
public sealed record IndexedListing(int Id, int NameOrder, DateTimeOffset? LastConfirmed, IReadOnlyList<Theme> Themes, bool AllOfScotland, IReadOnlyList<int> AreaIds);

/// <summary>A published listing's service as the open-data API filters it.</summary>
public sealed record IndexedService(int Id, int OrganisationId, IReadOnlyList<Theme> Themes);

public sealed record CouncilAreaItem(int Id, string GssCode, string Name);

/// <summary>What every search of the organisation directory filters, counts and pages over, in memory: the published
/// listings' themes, areas and dates (about 100 bytes each), their services, and the council areas by name. Words
/// are matched by PostgreSQL (full-text search, or word similarity); the facet counts, the order and the page are
/// computed here from the ids it returns, instead of PostgreSQL going through every matching listing's themes and
/// areas again for each request. Whether a listing is hidden or out of date is worked out from its date at the
/// moment of the request (<see cref="ListingReviewCutoffs"/>), never stored here.</summary>
public sealed class ListingIndex
{
    public ListingIndex(IReadOnlyList<IndexedListing> listings, IReadOnlyList<IndexedService> services, IReadOnlyList<CouncilAreaItem> councilAreas)
    {
        Listings = listings;
        Services = services;
        CouncilAreas = councilAreas;
        ById = listings.ToDictionary(l => l.Id);
    }

    /// <summary>Published listings, in name order.</summary>
    public IReadOnlyList<IndexedListing> Listings { get; }

    public IReadOnlyDictionary<int, IndexedListing> ById { get; }

    /// <summary>The services of published listings, by id.</summary>
    public IReadOnlyList<IndexedService> Services { get; }

    /// <summary>Every council area, by name.</summary>
    public IReadOnlyList<CouncilAreaItem> CouncilAreas { get; }

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
/// <see cref="Infrastructure.PublicCache"/> evicts, which every change to a listing does, on every instance, or after
/// <see cref="PortalOptions.PublicPageCacheSeconds"/>.</summary>
public sealed class ListingIndexCache(IServiceScopeFactory scopes, IOptions<PortalOptions> options, TimeProvider clock)
{
    private readonly SharedLoad<ListingIndex> shared = new(
        async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        },
        () => TimeSpan.FromSeconds(Math.Max(1, options.Value.PublicPageCacheSeconds)),
        clock);

    public async Task<ListingIndex> GetAsync(CancellationToken cancellationToken = default) => (await shared.GetAsync(cancellationToken)).Value;

    public void Invalidate() => shared.Invalidate();

    private static async Task<ListingIndex> LoadAsync(AppDbContext db)
    {
        var listings = await db.Organisations.AsNoTracking()
            .Where(o => o.Status == OrganisationStatus.Published)
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new { o.Id, LastConfirmed = o.ConfirmedAt ?? o.PublishedAt, o.Themes, o.CoversAllOfScotland, AreaIds = o.Areas.Select(a => a.CouncilAreaId).ToList() })
            .ToListAsync(CancellationToken.None);
        var services = await db.OrganisationServices.AsNoTracking()
            .Where(s => s.Organisation.Status == OrganisationStatus.Published)
            .OrderBy(s => s.Id)
            .Select(s => new IndexedService(s.Id, s.OrganisationId, s.Themes))
            .ToListAsync(CancellationToken.None);
        var areas = await db.CouncilAreas.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new CouncilAreaItem(a.Id, a.GssCode, a.Name))
            .ToListAsync(CancellationToken.None);
        return new ListingIndex(
            [.. listings.Select((l, i) => new IndexedListing(l.Id, i, l.LastConfirmed, l.Themes, l.CoversAllOfScotland, l.AreaIds))],
            services,
            areas);
    }
}

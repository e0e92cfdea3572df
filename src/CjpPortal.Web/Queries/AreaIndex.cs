using CjpPortal.Core;
using CjpPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Queries;

/// <summary>A name that matched a search: the partnership, and the place that led to it when it was a place
/// ("Tarbert, Argyll and Bute").</summary>
public sealed record AreaMatch(PartnershipListItem Partnership, string? Place);

/// <summary>The names people search by (council areas, aliases, partnership names and places), held in memory:
/// a few hundred that change rarely. Built from the directory snapshot (<see cref="DirectorySnapshotCache"/>), so it
/// changes when the snapshot is evicted or expires, plus one query for the places; rebuilt after
/// <see cref="PortalOptions.PublicPageCacheSeconds"/> too, so a missed eviction cannot leave it stale for ever.
/// <see cref="Invalidate"/> after changing places.</summary>
public sealed class AreaIndex(DirectorySnapshotCache snapshots, IServiceScopeFactory scopes, IOptions<PortalOptions> options, TimeProvider clock)
{
    private volatile Entry? current;

    public async Task<IReadOnlyList<PartnershipListItem>> MatchAsync(string query, CancellationToken cancellationToken = default) =>
        [.. (await FindAsync(query, cancellationToken)).Select(m => m.Partnership)];

    /// <summary>The partnerships <paramref name="query"/> names, best first (<see cref="AreaMatcher.MatchNames"/>).</summary>
    public async Task<IReadOnlyList<AreaMatch>> FindAsync(string query, CancellationToken cancellationToken = default)
    {
        var index = await GetAsync(cancellationToken);
        return [.. index.Matcher.MatchNames(query).Select(n => new AreaMatch(index.BySlug[n.PartnershipSlug], n.Place))];
    }

    /// <summary>The partnership covering the council area <paramref name="gssCode"/>, if any.</summary>
    public async Task<PartnershipListItem?> ForAreaAsync(string gssCode, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).ByArea.GetValueOrDefault(gssCode);

    /// <summary>Partnerships by slug, for showing suggestions found elsewhere.</summary>
    public async Task<IReadOnlyDictionary<string, PartnershipListItem>> PartnershipsAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).BySlug;

    public void Invalidate() => current = null;

    private async Task<SearchNames> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var entry = current;
        if (entry is null || !ReferenceEquals(entry.Snapshot, snapshot) || entry.Build.IsFaulted || entry.Build.IsCanceled || now >= entry.ExpiresAt)
        {
            entry = new Entry(snapshot, BuildAsync(snapshot), now.AddSeconds(Math.Max(1, options.Value.PublicPageCacheSeconds)));
            current = entry;
        }

        return await entry.Build.WaitAsync(cancellationToken);
    }

    // Not tied to one request's cancellation: other requests may be waiting on the same build.
    private async Task<SearchNames> BuildAsync(IReadOnlyList<PartnershipSnapshot> partnerships)
    {
        List<(string Name, string GssCode, string AreaName)> places;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.Places.AsNoTracking()
                .Select(p => new { p.Name, p.CouncilArea.GssCode, AreaName = p.CouncilArea.Name })
                .ToListAsync(CancellationToken.None);
            places = [.. rows.Select(r => (r.Name, r.GssCode, r.AreaName))];
        }

        var names = new List<AreaName>();
        var byArea = new Dictionary<string, PartnershipListItem>(StringComparer.Ordinal);
        var bySlug = new Dictionary<string, PartnershipListItem>(StringComparer.Ordinal);
        foreach (var partnership in partnerships)
        {
            var item = new PartnershipListItem(partnership.Name, partnership.Slug, [.. partnership.Areas.Select(a => new AreaListItem(a.GssCode, a.Name))]);
            bySlug[partnership.Slug] = item;
            foreach (var area in partnership.Areas)
            {
                byArea[area.GssCode] = item;
                names.Add(new AreaName(area.Name, partnership.Slug));
                names.AddRange(area.Aliases.Select(alias => new AreaName(alias, partnership.Slug)));
            }

            names.Add(new AreaName(partnership.Name, partnership.Slug));
            names.Add(new AreaName(partnership.Slug.Replace('-', ' '), partnership.Slug));
        }

        // After the areas, so a name that is both an area and a place ("Stirling") shows as the area.
        foreach (var place in places.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.AreaName, StringComparer.Ordinal))
        {
            if (byArea.TryGetValue(place.GssCode, out var owner))
            {
                names.Add(new AreaName(place.Name, owner.Slug, $"{place.Name}, {place.AreaName}"));
            }
        }

        return new SearchNames(new AreaMatcher(names), bySlug, byArea);
    }

    private sealed record SearchNames(AreaMatcher Matcher, IReadOnlyDictionary<string, PartnershipListItem> BySlug, IReadOnlyDictionary<string, PartnershipListItem> ByArea);

    private sealed record Entry(IReadOnlyList<PartnershipSnapshot> Snapshot, Task<SearchNames> Build, DateTimeOffset ExpiresAt);
}

using CjpPortal.Core;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Queries;

/// <summary>A published listing as its public page shows it.</summary>
public sealed record OrganisationView(
    int Id, string Name, string? CharityNumber, string? Website, string? PublicEmail, string? Phone, string Description,
    IReadOnlyList<Theme> Themes, bool AllOfScotland, IReadOnlyList<string> Areas, IReadOnlyList<EngagementRouteKind> RouteKinds,
    DateTimeOffset? ConfirmedAt, IReadOnlyList<ServiceView> Services)
{
    /// <summary>"May be out of date" once the yearly confirmation is overdue (<see cref="ListingReviewCutoffs"/>).</summary>
    public ListingFreshness Freshness { get; init; } = ListingFreshness.Current;
}

public sealed record ServiceView(
    int Id, string Name, string Description, string? WhoItIsFor, string? HowToAccess, string? Email, string? Phone, string? Website,
    IReadOnlyList<Theme> Themes, bool AllOfScotland, IReadOnlyList<string> Areas);

/// <summary>A listing in search results and on partnership pages.</summary>
public sealed record OrganisationListItem(int Id, string Name, string Description, IReadOnlyList<Theme> Themes, bool AllOfScotland,
    IReadOnlyList<string> Areas, IReadOnlyList<string> ServiceNames, DateTimeOffset? LastConfirmed, ListingFreshness Freshness);

/// <summary>What the search page asks for: words, a theme, council areas (from an area or a place), a page. Each
/// given filter narrows the result (AND).</summary>
public sealed record OrganisationSearch(string? Words, Theme? Theme, IReadOnlyList<int> AreaIds, int? Page);

public sealed record Facet<T>(T Value, int Count);

public sealed record OrganisationSearchResult(
    int Total, int PageNumber, int PageCount, IReadOnlyList<OrganisationListItem> Items,
    IReadOnlyList<Facet<Theme>> ThemeCounts, IReadOnlyList<Facet<int>> AreaCounts);

/// <summary>Read models of the organisation directory. Only published listings are ever returned, and never those
/// hidden by the yearly confirmation cycle; out-of-date ones come after current ones (keeping relevance or name order
/// within each group), through <see cref="Visible"/> and <see cref="CurrentFirst"/>. Word search is
/// PostgreSQL full-text search (English configuration: "housing" finds "house") on a generated, GIN-indexed tsvector,
/// or, when that finds nothing, pg_trgm word similarity (<c>&lt;%</c>, GIN-indexed) on the same text, so "mentle helth"
/// still finds "mental health". Themes' names are part of that text. Filters by theme and area use the listing's own themes and
/// areas (an all-of-Scotland listing is in every area).</summary>
public sealed class OrganisationQueries(AppDbContext db, ListingReviewClock review)
{
    public const int PageSize = 20;

    public async Task<OrganisationView?> FindPublishedAsync(int id, CancellationToken cancellationToken)
    {
        var cutoffs = review.Now();
        var view = await Visible(cutoffs)
            .Where(o => o.Id == id)
            .Select(o => new OrganisationView(
                o.Id, o.Name, o.CharityNumber, o.Website, o.PublicEmail, o.Phone, o.Description, o.Themes, o.CoversAllOfScotland,
                o.Areas.OrderBy(a => a.CouncilArea.Name).Select(a => a.CouncilArea.Name).ToList(), o.RouteKinds, o.ConfirmedAt ?? o.PublishedAt,
                o.Services.OrderBy(s => s.DisplayOrder).ThenBy(s => s.Id).Select(s => new ServiceView(
                    s.Id, s.Name, s.Description, s.WhoItIsFor, s.HowToAccess, s.Email, s.Phone, s.Website, s.Themes, s.CoversAllOfScotland,
                    s.Areas.OrderBy(a => a.CouncilArea.Name).Select(a => a.CouncilArea.Name).ToList())).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
        return view is null ? null : view with { Freshness = cutoffs.FreshnessOf(view.ConfirmedAt) };
    }

    /// <summary>Published listings working in any of the council areas <paramref name="gssCodes"/> (or all of
    /// Scotland), current ones first, by name.</summary>
    public async Task<IReadOnlyList<OrganisationListItem>> InAreasAsync(IReadOnlyCollection<string> gssCodes, CancellationToken cancellationToken)
    {
        var cutoffs = review.Now();
        var inAreas = Visible(cutoffs).Where(o => o.CoversAllOfScotland || o.Areas.Any(a => gssCodes.Contains(a.CouncilArea.GssCode)));
        return await Items(CurrentFirst(inAreas, cutoffs).ThenBy(o => o.Name).ThenBy(o => o.Id), cutoffs).ToListAsync(cancellationToken);
    }

    public async Task<OrganisationSearchResult> SearchAsync(OrganisationSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var cutoffs = review.Now();
        var matching = Visible(cutoffs);
        var words = string.IsNullOrWhiteSpace(search.Words) ? null : search.Words.Trim();
        if (search.Theme is { } theme)
        {
            // Overlap with a one-element array (themes && {theme}), which the GIN index on themes serves; Contains
            // becomes theme = ANY(themes), which it cannot.
            Theme[] wanted = [theme];
            matching = matching.Where(o => o.Themes.Any(t => wanted.Contains(t)));
        }

        if (search.AreaIds.Count > 0)
        {
            var areaIds = search.AreaIds;
            matching = matching.Where(o => o.CoversAllOfScotland || o.Areas.Any(a => areaIds.Contains(a.CouncilAreaId)));
        }

        if (words is not null)
        {
            // Word similarity is the typo tolerance, and the costly part: nearly every listing shares a trigram with the
            // words and is rechecked (over 5,000 listings, 320 ms against 2 ms for the full-text index, measured on the
            // loaded 2-core machine; bench/README.md), and the count, page and facets below each run it again.
            // Words spelt as the listings spell them are found by the full-text index alone, so similarity is asked
            // for only when full-text search finds nothing (with the other filters) — a misspelling.
            var byText = matching.Where(o => o.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", words)));
            matching = await byText.AnyAsync(cancellationToken)
                ? byText
                : matching.Where(o => EF.Functions.TrigramsAreWordSimilar(words, o.SearchText));
        }

        // The total and every facet in one query (one round trip, one plan): rows of (kind, key, count) from a
        // UNION ALL of the matching listings, the all-of-Scotland ones, their themes and their areas, grouped.
        var counts = await matching.Select(o => new { Kind = CountKind.Total, Key = 0 })
            .Concat(matching.Where(o => o.CoversAllOfScotland).Select(o => new { Kind = CountKind.Nationwide, Key = 0 }))
            .Concat(matching.SelectMany(o => o.Themes).Select(t => new { Kind = CountKind.Theme, Key = (int)t }))
            .Concat(matching.SelectMany(o => o.Areas).Select(a => new { Kind = CountKind.Area, Key = a.CouncilAreaId }))
            .GroupBy(c => new { c.Kind, c.Key })
            .Select(g => new { g.Key.Kind, g.Key.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int CountOf(CountKind kind, int key = 0) => counts.FirstOrDefault(c => c.Kind == kind && c.Key == key)?.Count ?? 0;
        var total = CountOf(CountKind.Total);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var pageNumber = Math.Clamp(search.Page ?? 1, 1, pageCount);

        var ordered = words is null
            ? CurrentFirst(matching, cutoffs).ThenBy(o => o.Name).ThenBy(o => o.Id)
            : CurrentFirst(matching, cutoffs)
                .ThenByDescending(o => o.SearchVector.Rank(EF.Functions.WebSearchToTsQuery("english", words)) + EF.Functions.TrigramsWordSimilarity(words, o.SearchText))
                .ThenBy(o => o.Name).ThenBy(o => o.Id);
        var items = await Items(ordered.Skip((pageNumber - 1) * PageSize).Take(PageSize), cutoffs).ToListAsync(cancellationToken);

        var nationwide = CountOf(CountKind.Nationwide);
        var allAreaIds = await db.CouncilAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => a.Id).ToListAsync(cancellationToken);

        return new OrganisationSearchResult(
            total, pageNumber, pageCount, items,
            [.. Themes.All.Select(t => new Facet<Theme>(t.Theme, CountOf(CountKind.Theme, (int)t.Theme)))],
            [.. allAreaIds.Select(id => new Facet<int>(id, CountOf(CountKind.Area, id) + nationwide))]);
    }

    private enum CountKind { Total, Nationwide, Theme, Area }

    private IQueryable<Organisation> Visible(ListingReviewCutoffs cutoffs) => ListingReview.Visible(db.Organisations.AsNoTracking(), cutoffs);

    /// <summary>Current listings before out-of-date ones; the caller orders within each group.</summary>
    private static IOrderedQueryable<Organisation> CurrentFirst(IQueryable<Organisation> organisations, ListingReviewCutoffs cutoffs)
    {
        var outOfDateBefore = cutoffs.OutOfDateBefore;
        return organisations.OrderBy(o => (o.ConfirmedAt ?? o.PublishedAt) < outOfDateBefore ? 1 : 0);
    }

    private static IQueryable<OrganisationListItem> Items(IQueryable<Organisation> organisations, ListingReviewCutoffs cutoffs) =>
        organisations.Select(o => new OrganisationListItem(
            o.Id, o.Name, o.Description, o.Themes, o.CoversAllOfScotland,
            o.Areas.OrderBy(a => a.CouncilArea.Name).Select(a => a.CouncilArea.Name).ToList(),
            o.Services.OrderBy(s => s.DisplayOrder).ThenBy(s => s.Id).Select(s => s.Name).ToList(),
            o.ConfirmedAt ?? o.PublishedAt, cutoffs.FreshnessOf(o.ConfirmedAt ?? o.PublishedAt)));
}

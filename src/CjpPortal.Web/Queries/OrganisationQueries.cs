using System.Globalization;
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
/// within each group), through <see cref="Visible"/> (or <see cref="Shown"/>, for the words' matches kept in the
/// index) and <see cref="CurrentFirst"/>. Word search is
/// PostgreSQL full-text search (English configuration: "housing" finds "house") on a generated, GIN-indexed tsvector,
/// or, when that finds nothing, pg_trgm word similarity (<c>&lt;%</c>, GIN-indexed) on the same text, so "mentle helth"
/// still finds "mental health". Themes' names are part of that text. Filters by theme and area use the listing's own themes and
/// areas (an all-of-Scotland listing is in every area). A search asks PostgreSQL for the ids (and relevance) of the
/// listings its words match (nothing without words), once per index: the answer is kept in the index's
/// <see cref="ListingIndex.Matches"/>, so a repeated search runs no SQL; the counts per theme and area, the order, the
/// paging and the page's listings come from the <see cref="ListingIndex"/> held in memory.</summary>
public sealed class OrganisationQueries(AppDbContext db, ListingReviewClock review, ListingIndexCache listingIndex)
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
        var index = await listingIndex.GetAsync(cancellationToken);
        var words = string.IsNullOrWhiteSpace(search.Words) ? null : search.Words.Trim();
        var theme = search.Theme;
        var areaIds = search.AreaIds;

        // Each listing with its relevance (0 without words). Words are matched by PostgreSQL, with the other filters,
        // returning ids and scores only (kept by the index taken above, before the SQL runs); the rest is done in
        // memory over the index (ListingIndex).
        List<(IndexedListing Listing, double Score)> matches;
        if (words is null)
        {
            matches = [.. index.Listings.Where(l => ListingIndex.IsVisible(l, cutoffs)
                && (theme is null || l.Themes.Contains(theme.Value))
                && (areaIds.Count == 0 || l.AllOfScotland || l.Areas.Any(a => areaIds.Contains(a.Id)))).Select(l => (l, 0d))];
        }
        else
        {
            // Full-text search first (ranked by ts_rank), through its GIN index. Word similarity is the typo tolerance,
            // and the costly part: nearly every listing shares a trigram with the words and is rechecked (over 5,000
            // listings, 320 ms against 2 ms for the full-text index, measured on the loaded 2-core machine;
            // bench/README.md), so it is asked for only when full-text search finds nothing visible: a misspelling.
            var found = Shown(await WordMatchesAsync(index, words, theme, areaIds, similarity: false, cancellationToken), cutoffs);
            if (found.Count == 0)
            {
                found = Shown(await WordMatchesAsync(index, words, theme, areaIds, similarity: true, cancellationToken), cutoffs);
            }

            // A listing published since the index was loaded is missing from it until the eviction that follows
            // every change reaches this instance; it is left out rather than counted without its themes and areas.
            matches = [.. found.Where(s => index.ById.ContainsKey(s.Id)).Select(s => (index.ById[s.Id], s.Score))];
        }

        // Current listings first, then by relevance, then by name.
        var outOfDateBefore = cutoffs.OutOfDateBefore;
        var ordered = matches
            .OrderBy(m => m.Listing.LastConfirmed is { } at && at < outOfDateBefore ? 1 : 0)
            .ThenByDescending(m => m.Score)
            .ThenBy(m => m.Listing.NameOrder)
            .Select(m => m.Listing)
            .ToList();

        var total = ordered.Count;
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var pageNumber = Math.Clamp(search.Page ?? 1, 1, pageCount);
        var items = ordered.Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(l => new OrganisationListItem(
                l.Id, l.Name, l.Description, l.Themes, l.AllOfScotland, [.. l.Areas.Select(a => a.Name)], l.ServiceNames, l.LastConfirmed,
                cutoffs.FreshnessOf(l.LastConfirmed)))
            .ToList();

        var themeCounts = new Dictionary<Theme, int>();
        var areaCounts = new Dictionary<int, int>();
        var nationwide = 0;
        foreach (var listing in ordered)
        {
            foreach (var t in listing.Themes)
            {
                themeCounts[t] = themeCounts.GetValueOrDefault(t) + 1;
            }

            foreach (var a in listing.Areas)
            {
                areaCounts[a.Id] = areaCounts.GetValueOrDefault(a.Id) + 1;
            }

            nationwide += listing.AllOfScotland ? 1 : 0;
        }

        return new OrganisationSearchResult(
            total, pageNumber, pageCount, items,
            [.. Themes.All.Select(t => new Facet<Theme>(t.Theme, themeCounts.GetValueOrDefault(t.Theme)))],
            [.. index.CouncilAreas.Select(a => new Facet<int>(a.Id, areaCounts.GetValueOrDefault(a.Id) + nationwide))]);
    }

    private IQueryable<Organisation> Visible(ListingReviewCutoffs cutoffs) => ListingReview.Visible(db.Organisations.AsNoTracking(), cutoffs);

    /// <summary>A published listing whose text matches a search's words, with its relevance and the date the yearly
    /// confirmation cycle counts from (<see cref="ListingReview.LastConfirmed"/>), as PostgreSQL has it.</summary>
    private readonly record struct WordMatch(int Id, double Score, DateTimeOffset? LastConfirmed);

    /// <summary>Everything that goes into a word match's SQL: the words, the theme, the council areas (sorted, without
    /// repeats: the SQL asks whether a listing is in any of them), and full-text search or word similarity. Not the
    /// moment of the request: which listings the yearly confirmation hides is decided afterwards (<see cref="Shown"/>).</summary>
    private sealed record WordMatchKey(string Words, Theme? Theme, string AreaIds, bool Similarity);

    /// <summary>The published listings that <paramref name="words"/> match (full-text search, or word similarity),
    /// narrowed to <paramref name="theme"/> and <paramref name="areaIds"/>, hidden ones included; kept in
    /// <paramref name="index"/>, which the caller took before this runs (<see cref="ListingIndex.Matches"/>).</summary>
    private Task<WordMatch[]> WordMatchesAsync(
        ListingIndex index, string words, Theme? theme, IReadOnlyList<int> areaIds, bool similarity, CancellationToken cancellationToken)
    {
        var key = new WordMatchKey(words, theme,
            string.Join(',', areaIds.Distinct().Order().Select(id => id.ToString(CultureInfo.InvariantCulture))), similarity);
        return index.Matches.GetOrRunAsync(key, async () =>
        {
            var filtered = db.Organisations.AsNoTracking().Where(o => o.Status == OrganisationStatus.Published);
            if (theme is { } wantedTheme)
            {
                // Overlap with a one-element array (themes && {theme}), which the GIN index on themes serves; Contains
                // becomes theme = ANY(themes), which it cannot.
                Theme[] wanted = [wantedTheme];
                filtered = filtered.Where(o => o.Themes.Any(t => wanted.Contains(t)));
            }

            if (areaIds.Count > 0)
            {
                filtered = filtered.Where(o => o.CoversAllOfScotland || o.Areas.Any(a => areaIds.Contains(a.CouncilAreaId)));
            }

            var matched = similarity
                ? filtered
                    .Where(o => EF.Functions.TrigramsAreWordSimilar(words, o.SearchText))
                    .Select(o => new WordMatch(o.Id, EF.Functions.TrigramsWordSimilarity(words, o.SearchText), o.ConfirmedAt ?? o.PublishedAt))
                : filtered
                    .Where(o => o.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", words)))
                    .Select(o => new WordMatch(o.Id, (double)o.SearchVector.Rank(EF.Functions.WebSearchToTsQuery("english", words)), o.ConfirmedAt ?? o.PublishedAt));
            return await matched.ToArrayAsync(cancellationToken);
        }, answer => answer.Length);
    }

    /// <summary>The matches the public sees at <paramref name="cutoffs"/>: what <see cref="ListingReview.Visible"/>
    /// asks PostgreSQL, done here so that a kept answer serves every later moment. PostgreSQL compares microseconds
    /// (Npgsql drops the ticks below one from the cut-off it sends), and so does this, so the listings left are the
    /// ones the query with the cut-off would have returned.</summary>
    private static List<WordMatch> Shown(WordMatch[] matches, ListingReviewCutoffs cutoffs)
    {
        var hiddenBefore = cutoffs.HiddenBefore.AddTicks(-(cutoffs.HiddenBefore.UtcTicks % TimeSpan.TicksPerMicrosecond));
        return [.. matches.Where(m => m.LastConfirmed is not { } at || at >= hiddenBefore)];
    }

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

using CjpPortal.Core;
using CjpPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Queries;

/// <summary>The names people search by (council areas, aliases, partnership names), held in memory: there are
/// only a few dozen and they change rarely. <see cref="Invalidate"/> after renaming or regrouping.</summary>
public sealed class AreaIndex(IServiceScopeFactory scopes)
{
    private volatile Task<Entry>? current;

    public async Task<IReadOnlyList<PartnershipListItem>> MatchAsync(string query, CancellationToken cancellationToken = default)
    {
        var entry = await GetAsync(cancellationToken);
        return [.. entry.Matcher.Match(query).Select(slug => entry.BySlug[slug])];
    }

    public void Invalidate() => current = null;

    private Task<Entry> GetAsync(CancellationToken cancellationToken)
    {
        var task = current;
        if (task is null || task.IsFaulted || task.IsCanceled)
        {
            task = LoadAsync(cancellationToken);
            current = task;
        }

        return task;
    }

    private async Task<Entry> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var partnerships = await scope.ServiceProvider.GetRequiredService<DirectoryQueries>().ListAsync(cancellationToken);
        var areas = await db.CouncilAreas.AsNoTracking()
            .Select(a => new { a.Name, a.Aliases, a.Partnership.Slug })
            .ToListAsync(cancellationToken);

        var names = new List<AreaName>();
        foreach (var area in areas)
        {
            names.Add(new AreaName(area.Name, area.Slug));
            names.AddRange(area.Aliases.Select(alias => new AreaName(alias, area.Slug)));
        }

        foreach (var partnership in partnerships)
        {
            names.Add(new AreaName(partnership.Name, partnership.Slug));
            names.Add(new AreaName(partnership.Slug.Replace('-', ' '), partnership.Slug));
        }

        return new Entry(new AreaMatcher(names), partnerships.ToDictionary(p => p.Slug, StringComparer.Ordinal));
    }

    private sealed record Entry(AreaMatcher Matcher, IReadOnlyDictionary<string, PartnershipListItem> BySlug);
}

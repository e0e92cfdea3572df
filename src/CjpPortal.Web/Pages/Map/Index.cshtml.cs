using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Map;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.Map;

[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel(DirectoryQueries queries, ScotlandMap map) : PageModel
{
    public ScotlandMap Map => map;

    /// <summary>Every drawn area, alphabetically so that Tab moves through the map in the same order as the list
    /// below it; <see cref="MapArea.Link"/> is null for an area no partnership covers.</summary>
    public IReadOnlyList<MapArea> Areas { get; private set; } = [];

    /// <summary>Every council area a partnership covers, alphabetically, for the list below the map.</summary>
    public IReadOnlyList<AreaLink> AreaLinks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var partnerships = await queries.ListAsync(cancellationToken);
        var links = partnerships
            .SelectMany(p => p.Areas.Select(a => new AreaLink(a.GssCode, a.Name, p.Name, p.Slug)))
            .ToDictionary(a => a.GssCode, StringComparer.Ordinal);

        Areas = [.. map.Shapes.Select(shape => new MapArea(shape, links.GetValueOrDefault(shape.GssCode))).OrderBy(a => a.Name, StringComparer.InvariantCulture)];
        AreaLinks = [.. links.Values.OrderBy(a => a.AreaName, StringComparer.InvariantCulture)];
    }
}

public sealed record AreaLink(string GssCode, string AreaName, string PartnershipName, string Slug)
{
    public string Label => $"{AreaName}: {PartnershipName}";
}

public sealed record MapArea(MapShape Shape, AreaLink? Link)
{
    public string Name => Link?.AreaName ?? Shape.Name;
}

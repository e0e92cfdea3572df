using System.Globalization;
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
    /// <summary>The central belt's areas, too small on the whole map to point at (WCAG 2.2 2.5.8: 24 by 24 px); the
    /// enlargement below the map is the box around them.</summary>
    public static readonly IReadOnlyList<string> InsetAreaNames =
    [
        "Clackmannanshire", "Falkirk", "West Dunbartonshire", "East Dunbartonshire", "Inverclyde", "Renfrewshire",
        "East Renfrewshire", "Glasgow City", "North Lanarkshire", "West Lothian", "City of Edinburgh", "Midlothian",
        "East Lothian",
    ];

    /// <summary>Room around the enlargement's areas, in viewBox units, so their edges are not cut off.</summary>
    private const double InsetMargin = 4;

    public ScotlandMap Map => map;

    /// <summary>The viewBox of the enlargement: the box around <see cref="InsetAreaNames"/>.</summary>
    public string InsetViewBox { get; private set; } = "";

    /// <summary>Every area that shows in the enlargement, in the same order as <see cref="Areas"/>.</summary>
    public IReadOnlyList<MapArea> InsetAreas { get; private set; } = [];

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

        var inset = Areas.Where(a => InsetAreaNames.Contains(a.Shape.Name, StringComparer.Ordinal))
            .Select(a => a.Shape.Box)
            .Aggregate((a, b) => a.Union(b))
            .Grow(InsetMargin);
        InsetViewBox = string.Create(CultureInfo.InvariantCulture, $"{inset.Left:0.#} {inset.Top:0.#} {inset.Width:0.#} {inset.Height:0.#}");
        InsetAreas = [.. Areas.Where(a => a.Shape.Box.Overlaps(inset))];
    }
}

public sealed record AreaLink(string GssCode, string AreaName, string PartnershipName, string Slug)
{
    public string Label => $"{AreaName}: {PartnershipName}";
}

public sealed record MapArea(MapShape Shape, AreaLink? Link)
{
    /// <summary>Keeps the name this far from the edge of the drawing, in viewBox units.</summary>
    private const double Edge = 8;

    /// <summary>The height of a line of the name (its font size in map.css plus a gap), in viewBox units.</summary>
    private const double Line = 24;

    public string Name => Link?.AreaName ?? Shape.Name;

    /// <summary>Where the area's name is drawn while the area has focus: just above it (below it when there is no
    /// room above), centred on it, or from its left or right edge near the sides of the map so that it stays inside.</summary>
    public MapLabelPosition NamePosition(double mapWidth, double mapHeight)
    {
        var box = Shape.Box;
        var y = box.Top - (Line / 3) < Line ? Math.Min(box.Bottom + Line, mapHeight - Edge) : box.Top - (Line / 3);
        return box.CentreX switch
        {
            var x when x < mapWidth / 4 => new(Format(Math.Max(box.Left, Edge)), Format(y), "start"),
            var x when x > mapWidth * 3 / 4 => new(Format(Math.Min(box.Right, mapWidth - Edge)), Format(y), "end"),
            var x => new(Format(x), Format(y), "middle"),
        };
    }

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>An SVG text position: x, y and text-anchor.</summary>
public sealed record MapLabelPosition(string X, string Y, string Anchor);

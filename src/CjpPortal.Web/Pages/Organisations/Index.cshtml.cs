using CjpPortal.Core;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Organisations;

/// <summary>Searches published organisations by words (typo-tolerant), theme and place (a council area, or a town or
/// village from the places list), combined with AND, with counts per theme and area for the result. Every filter is a
/// query parameter, so a search can be bookmarked or shared.</summary>
[AllowAnonymous]
public class IndexModel(AppDbContext db, OrganisationQueries queries, ListingIndexCache listingIndex) : PageModel
{
    public const int MaxWordsLength = 200;

    [FromQuery(Name = "q")]
    public string? Words { get; set; }

    [FromQuery(Name = "theme")]
    public string? Theme { get; set; }

    /// <summary>A council area's GSS code.</summary>
    [FromQuery(Name = "area")]
    public string? Area { get; set; }

    /// <summary>A place name from the places list, standing for its council area(s).</summary>
    [FromQuery(Name = "place")]
    public string? Place { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public OrganisationSearchResult? Result { get; private set; }

    public IReadOnlyList<(int Id, string GssCode, string Name)> Areas { get; private set; } = [];

    public IEnumerable<SelectListItem> ThemeItems => Core.Organisations.Themes.All.Select(t => new SelectListItem(t.Name, t.Slug, t.Slug == Theme));

    public IEnumerable<SelectListItem> AreaItems => Areas.Select(a => new SelectListItem(a.Name, a.GssCode, a.GssCode == Area));

    public bool HasFilters => !string.IsNullOrWhiteSpace(Words) || Theme is not null || Area is not null || !string.IsNullOrWhiteSpace(Place);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Bound from the query string only; the checks (and their messages) are ours.
        ModelState.Clear();
        Areas = [.. (await listingIndex.GetAsync(cancellationToken)).CouncilAreas.Select(a => (a.Id, a.GssCode, a.Name))];

        if (Words is { Length: > MaxWordsLength } || (Words?.Any(char.IsControl) ?? false))
        {
            ModelState.AddModelError("q", $"Enter up to {MaxWordsLength} characters");
        }

        var theme = Core.Organisations.Themes.BySlug(Theme);
        if (Theme is not null && theme is null)
        {
            ModelState.AddModelError("theme", "Choose a theme from the list");
        }

        var areaIds = new List<int>();
        if (Area is not null)
        {
            var area = Areas.FirstOrDefault(a => string.Equals(a.GssCode, Area, StringComparison.OrdinalIgnoreCase));
            if (area.Name is null)
            {
                ModelState.AddModelError("area", "Choose a council area from the list");
            }
            else
            {
                areaIds.Add(area.Id);
            }
        }

        if (!string.IsNullOrWhiteSpace(Place) && ModelState.IsValid)
        {
            var place = Place.Trim();
            var placeAreas = place.Length > Core.Domain.Place.NameMaxLength
                ? []
                : await db.Places.AsNoTracking().Where(p => p.Name == place).Select(p => p.CouncilAreaId).ToListAsync(cancellationToken);
            var byName = Areas.Where(a => string.Equals(a.Name, place, StringComparison.OrdinalIgnoreCase)).Select(a => a.Id);
            placeAreas = [.. placeAreas.Concat(byName).Distinct()];
            if (placeAreas.Count == 0)
            {
                ModelState.AddModelError("place", "Enter a council area, town or village in Scotland, like Falkirk or Paisley");
            }
            else if (areaIds.Count > 0)
            {
                // Both given: the listing must be in the chosen area, which must be the place's.
                areaIds = [.. areaIds.Intersect(placeAreas)];
                if (areaIds.Count == 0)
                {
                    areaIds.Add(-1);
                }
            }
            else
            {
                areaIds = placeAreas;
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await queries.SearchAsync(new OrganisationSearch(Words, theme?.Theme, areaIds, PageNumber), cancellationToken);
        return Page();
    }

    /// <summary>This search with some parameters changed (null removes one); the page number is dropped unless given.</summary>
    public string Link(string? q = "", string? theme = "", string? area = "", string? place = "", int? page = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = q == "" ? Words : q,
            ["theme"] = theme == "" ? Theme : theme,
            ["area"] = area == "" ? Area : area,
            ["place"] = place == "" ? Place : place,
            ["page"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/organisations", values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }

    public string PageLink(int page) => Link(page: page);

    public Infrastructure.Pagination Pagination => new(Result?.PageNumber ?? 1, Result?.PageCount ?? 1, PageLink, "Search result pages");

    public string AreaName(int id) => Areas.FirstOrDefault(a => a.Id == id).Name ?? string.Empty;

    public string AreaCode(int id) => Areas.FirstOrDefault(a => a.Id == id).GssCode ?? string.Empty;
}

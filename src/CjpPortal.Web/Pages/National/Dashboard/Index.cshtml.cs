using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure.Map;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.National.Dashboard;

/// <summary>/national/dashboard: CJS staff see every partnership's plan, participation statement, annual return,
/// entry freshness and coordinator account for a reporting year, filter by problem, and colour the map by one of them.</summary>
public class IndexModel(DashboardQueries queries, ScotlandMap map) : PageModel
{
    public ScotlandMap Map => map;

    public DashboardFilter Filter { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>Every partnership, whatever the filter: the counts at the top are of these.</summary>
    public IReadOnlyList<DashboardRow> All { get; private set; } = [];

    /// <summary>The partnerships the filter leaves, in the chosen order.</summary>
    public IReadOnlyList<DashboardRow> Rows { get; private set; } = [];

    public IReadOnlyList<ReportingYear> Years { get; private set; } = [];

    /// <summary>What the page's content depends on (the rows' version, the day and the filter), or null when it must
    /// be rendered afresh (an invalid filter, shown with its messages). The rendered content is kept under this key
    /// (<see cref="Infrastructure.TagHelpers.KeptContentTagHelper"/>, in this process, bounded): rendering the table
    /// and the 100 KB map was most of the page's cost, and the content is the same for every member of CJS staff.</summary>
    public string? RenderKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = queries.Today;
        Years = DashboardFilter.YearChoices(Today);
        var (filter, errors) = DashboardFilter.Parse(Request.Query, Today);
        Filter = filter;
        foreach (var (field, message) in errors)
        {
            // Sorting has no field on the form (the column headings are links), so its message is listed without one.
            ModelState.AddModelError(field is "sort" or "dir" ? string.Empty : field, message);
        }

        (All, var version) = await queries.VersionedRowsAsync(Filter.Year, cancellationToken);
        Rows = Filter.Apply(All);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            RenderKey = "national/dashboard|" + version + "|" + Filter.QueryString(Today);
        }

        return Page();
    }

    public int Count(PartnershipProblem problem) => All.Count(r => r.Standing.HasAll(problem));

    /// <summary>This page with the current filter and <paramref name="change"/> applied.</summary>
    public string FilterUrl(Func<DashboardFilter, DashboardFilter> change, string? fragment = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        return "/national/dashboard" + change(Filter).QueryString(Today) + (fragment is null ? string.Empty : "#" + fragment);
    }

    public string CsvUrl => "/national/dashboard.csv" + Filter.QueryString(Today);

    public string SortUrl(string key) =>
        FilterUrl(f => f with { Sort = key, Descending = key == f.Sort && !f.Descending }, "dashboard-table");

    public string? AriaSort(string key) => key == Filter.Sort ? (Filter.Descending ? "descending" : "ascending") : null;

    /// <summary>Each drawn council area with the partnership covering it (null for none), alphabetically.</summary>
    public IEnumerable<(MapShape Shape, DashboardRow? Row)> MapAreas()
    {
        var byArea = All.SelectMany(r => r.Areas.Select(a => (a.GssCode, Row: r))).ToDictionary(x => x.GssCode, x => x.Row, StringComparer.Ordinal);
        return map.Shapes.Select(s => (s, byArea.GetValueOrDefault(s.GssCode))).OrderBy(x => x.s.Name, StringComparer.InvariantCulture);
    }
}

using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.Directory;

[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel(DirectoryQueries queries) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "Partnership",
        ["contact"] = "Main contact",
        ["plan"] = "Current plan",
        ["statement"] = "Participation statement",
        ["report"] = "Latest annual report",
        ["confirmed"] = "Last confirmed",
    };

    [FromQuery(Name = "area")]
    public string? Area { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "dir")]
    public string? Direction { get; set; }

    public IReadOnlyList<DirectoryRow> Rows { get; private set; } = [];

    public IReadOnlyList<AreaListItem> Areas { get; private set; } = [];

    public string SortKey => Sort is not null && SortColumns.ContainsKey(Sort) ? Sort : "name";

    public bool Descending => Direction == "desc";

    public int StaleCount { get; private set; }

    public int MissingStatementCount { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Today = queries.Today;
        var all = (await queries.AllAsync(cancellationToken)).Select(p => DirectoryRow.From(p, Today)).ToList();
        Areas = [.. all.SelectMany(r => r.CouncilAreas).OrderBy(a => a.Name, StringComparer.Ordinal)];

        var area = string.IsNullOrEmpty(Area) ? null : Areas.FirstOrDefault(a => a.GssCode == Area);
        if (!string.IsNullOrEmpty(Area) && area is null)
        {
            ModelState.AddModelError("area", "Choose a council area from the list");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Area = null;
        }

        var rows = area is null ? all : all.Where(r => r.CouncilAreas.Contains(area)).ToList();
        Rows = Order(rows);
        StaleCount = Rows.Count(r => r.IsStale);
        MissingStatementCount = Rows.Count(r => r.ParticipationStatement?.IsPublished != true);
        return Page();
    }

    private List<DirectoryRow> Order(List<DirectoryRow> rows)
    {
        IOrderedEnumerable<DirectoryRow> ordered = SortKey switch
        {
            "contact" => Descending ? rows.OrderByDescending(r => r.MainContact.Kind) : rows.OrderBy(r => r.MainContact.Kind),
            "plan" => Descending ? rows.OrderByDescending(r => r.CurrentPlan?.PeriodStart) : rows.OrderBy(r => r.CurrentPlan?.PeriodStart),
            "statement" => Descending ? rows.OrderByDescending(r => r.ParticipationStatement?.PublishedOn) : rows.OrderBy(r => r.ParticipationStatement?.PublishedOn),
            "report" => Descending ? rows.OrderByDescending(r => r.LatestAnnualReport?.ReportingYearStart) : rows.OrderBy(r => r.LatestAnnualReport?.ReportingYearStart),
            "confirmed" => Descending ? rows.OrderByDescending(r => r.LastConfirmedOn) : rows.OrderBy(r => r.LastConfirmedOn),
            _ => Descending ? rows.OrderByDescending(r => r.Partnership, StringComparer.Ordinal) : rows.OrderBy(r => r.Partnership, StringComparer.Ordinal),
        };
        return [.. ordered.ThenBy(r => r.Partnership, StringComparer.Ordinal)];
    }

    /// <summary>The link a column heading points at: ascending first, then toggling.</summary>
    public string SortUrl(string key)
    {
        var dir = key == SortKey && !Descending ? "desc" : "asc";
        var area = string.IsNullOrEmpty(Area) ? string.Empty : $"&area={Uri.EscapeDataString(Area)}";
        return $"/directory?sort={key}&dir={dir}{area}#directory-table";
    }

    public string? AriaSort(string key) => key == SortKey ? (Descending ? "descending" : "ascending") : null;
}

using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.Directory;

[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel(DirectoryQueries queries, PortalLinks links) : PageModel
{
    public static IReadOnlyDictionary<string, string> SortColumns => DirectoryView.SortColumns;

    [FromQuery(Name = "area")]
    public string? Area { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "dir")]
    public string? Direction { get; set; }

    public DirectoryView View { get; private set; } = null!;

    public IReadOnlyList<DirectoryRow> Rows => View.Rows;

    public IReadOnlyList<AreaListItem> Areas => View.Areas;

    public string SortKey => View.SortKey;

    public bool Descending => View.Descending;

    public int StaleCount { get; private set; }

    public int MissingStatementCount { get; private set; }

    public int OverdueReportCount { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>This view's address at the configured base (never the Host header: the page is cached and shared), for
    /// the line printed copies carry.</summary>
    public string PrintedAddress => new Uri(links.BaseUri(Request), "directory" + View.QueryString).ToString();

    /// <summary>The CSV of the rows shown, in their order.</summary>
    public string CsvUrl => "/directory.csv" + View.QueryString;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Today = queries.Today;
        View = DirectoryView.Build(await queries.AllAsync(cancellationToken), Today, Area, Sort, Direction);
        if (View.AreaIsUnknown)
        {
            ModelState.AddModelError("area", DirectoryView.UnknownAreaMessage);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Area = View.Area;
        StaleCount = Rows.Count(r => r.IsStale);
        MissingStatementCount = Rows.Count(r => r.ParticipationStatement?.IsPublished != true);
        OverdueReportCount = Rows.Count(r => r.OverdueReports.Count > 0);
        return Page();
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

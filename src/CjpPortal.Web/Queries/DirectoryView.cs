using CjpPortal.Core.Rules;

namespace CjpPortal.Web.Queries;

/// <summary>The directory as one request asks for it: the rows for a council area (or all), sorted by a column. The
/// page and the CSV both build it from the same query values, so the file holds exactly the rows the page shows, in
/// the same order.</summary>
public sealed class DirectoryView
{
    public const string DefaultSort = "name";

    public const string UnknownAreaMessage = "Choose a council area from the list";

    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DefaultSort] = "Partnership",
        ["contact"] = "Main contact",
        ["plan"] = "Current plan",
        ["statement"] = "Participation statement",
        ["report"] = "Latest annual report",
        ["confirmed"] = "Last confirmed",
    };

    private DirectoryView(IReadOnlyList<DirectoryRow> rows, IReadOnlyList<AreaListItem> areas, string? area, bool areaIsUnknown, string sortKey, bool descending)
    {
        Rows = rows;
        Areas = areas;
        Area = area;
        AreaIsUnknown = areaIsUnknown;
        SortKey = sortKey;
        Descending = descending;
    }

    public IReadOnlyList<DirectoryRow> Rows { get; }

    /// <summary>Every council area, for the filter.</summary>
    public IReadOnlyList<AreaListItem> Areas { get; }

    /// <summary>The GSS code of the council area shown, or null for all.</summary>
    public string? Area { get; }

    /// <summary>True when the request named a council area that does not exist; every partnership is shown instead.</summary>
    public bool AreaIsUnknown { get; }

    public string SortKey { get; }

    public bool Descending { get; }

    /// <summary>The query string that gives this view ("?area=S12000014&amp;sort=confirmed&amp;dir=desc"), or "" for the
    /// whole directory in its default order: for the CSV link and the printed address.</summary>
    public string QueryString
    {
        get
        {
            var parts = new List<string>();
            if (Area is not null)
            {
                parts.Add("area=" + Uri.EscapeDataString(Area));
            }

            if (SortKey != DefaultSort || Descending)
            {
                parts.Add("sort=" + SortKey);
            }

            if (Descending)
            {
                parts.Add("dir=desc");
            }

            return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
        }
    }

    public static DirectoryView Build(IReadOnlyList<PartnershipSnapshot> partnerships, DateOnly today, string? area, string? sort, string? direction)
    {
        ArgumentNullException.ThrowIfNull(partnerships);
        var all = partnerships.Select(p => DirectoryRow.From(p, today)).ToList();
        var areas = all.SelectMany(r => r.CouncilAreas).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        var chosen = string.IsNullOrEmpty(area) ? null : areas.FirstOrDefault(a => a.GssCode == area);
        var rows = chosen is null ? all : all.Where(r => r.CouncilAreas.Contains(chosen)).ToList();
        var sortKey = sort is not null && SortColumns.ContainsKey(sort) ? sort : DefaultSort;
        var descending = direction == "desc";
        return new DirectoryView(Order(rows, sortKey, descending), areas, chosen?.GssCode, !string.IsNullOrEmpty(area) && chosen is null, sortKey, descending);
    }

    private static List<DirectoryRow> Order(List<DirectoryRow> rows, string sortKey, bool descending)
    {
        IOrderedEnumerable<DirectoryRow> ordered = sortKey switch
        {
            // By the contact's name; partnerships with no contact at all come last either way.
            "contact" => descending
                ? rows.OrderBy(r => r.MainContact.Kind == MainContactKind.None).ThenByDescending(r => r.MainContact.Name, StringComparer.OrdinalIgnoreCase)
                : rows.OrderBy(r => r.MainContact.Kind == MainContactKind.None).ThenBy(r => r.MainContact.Name, StringComparer.OrdinalIgnoreCase),
            "plan" => descending ? rows.OrderByDescending(r => r.CurrentPlan?.PeriodStart) : rows.OrderBy(r => r.CurrentPlan?.PeriodStart),
            "statement" => descending ? rows.OrderByDescending(r => r.ParticipationStatement?.PublishedOn) : rows.OrderBy(r => r.ParticipationStatement?.PublishedOn),
            "report" => descending ? rows.OrderByDescending(r => r.LatestAnnualReport?.ReportingYearStart) : rows.OrderBy(r => r.LatestAnnualReport?.ReportingYearStart),
            "confirmed" => descending ? rows.OrderByDescending(r => r.LastConfirmedOn) : rows.OrderBy(r => r.LastConfirmedOn),
            _ => descending ? rows.OrderByDescending(r => r.Partnership, StringComparer.Ordinal) : rows.OrderBy(r => r.Partnership, StringComparer.Ordinal),
        };
        return [.. ordered.ThenBy(r => r.Partnership, StringComparer.Ordinal)];
    }
}

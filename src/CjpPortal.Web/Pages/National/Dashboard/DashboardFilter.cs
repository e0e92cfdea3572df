using System.Globalization;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.WebUtilities;

namespace CjpPortal.Web.Pages.National.Dashboard;

/// <summary>What the map on the dashboard is coloured by.</summary>
public enum DashboardMapKind
{
    Statement,
    Return,
    Entry,
    Account,
}

/// <summary>How a partnership fares on the chosen map: the band decides the colour and pattern, the label says it in words.</summary>
public enum StandingBand
{
    Good,
    Attention,
    Problem,
}

/// <summary>The dashboard's choices, all in the query string so that a filtered view can be bookmarked and the CSV
/// shows exactly what the page shows: <c>?year=2025&amp;problem=overdue-return&amp;problem=stale-entry&amp;map=return&amp;sort=return&amp;dir=desc</c>.</summary>
public sealed record DashboardFilter(
    ReportingYear Year,
    PartnershipProblem Problems,
    DashboardMapKind Map,
    string Sort,
    bool Descending)
{
    public static readonly IReadOnlyList<(string Key, PartnershipProblem Problem, string Label)> ProblemChoices =
    [
        ("no-statement", PartnershipProblem.NoParticipationStatement, "No participation statement for the current plan"),
        ("overdue-return", PartnershipProblem.OverdueReturn, "Annual return overdue"),
        ("stale-entry", PartnershipProblem.StaleEntry, "Entry not confirmed in the last 12 months"),
        ("no-coordinator", PartnershipProblem.NoCoordinatorAccount, "No active coordinator account"),
    ];

    public static readonly IReadOnlyList<(string Key, DashboardMapKind Kind, string Label)> MapChoices =
    [
        ("statement", DashboardMapKind.Statement, "Participation statement"),
        ("return", DashboardMapKind.Return, "Annual return"),
        ("entry", DashboardMapKind.Entry, "Directory entry"),
        ("account", DashboardMapKind.Account, "Coordinator account"),
    ];

    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "Partnership",
        ["plan"] = "Current plan",
        ["statement"] = "Participation statement",
        ["return"] = "Annual return",
        ["confirmed"] = "Last confirmed",
        ["account"] = "Coordinator account",
    };

    /// <summary>Reporting years to choose from: the one under way, then every ended one back to 2017-18.</summary>
    public static IReadOnlyList<ReportingYear> YearChoices(DateOnly today) =>
        [ReportingYear.Containing(today), .. ReturnRules.EndedYears(today)];

    /// <summary>The default year: the latest one that has ended, whose returns are being collected now.</summary>
    public static DashboardFilter Default(DateOnly today) =>
        new(ReportingYear.LatestEnded(today), PartnershipProblem.None, DashboardMapKind.Statement, "name", false);

    /// <summary>Reads the query string; each value that is not one of the choices is an error for that field, and the
    /// default is used in its place so the page can still be shown (with HTTP 400).</summary>
    public static (DashboardFilter Filter, IReadOnlyList<(string Field, string Message)> Errors) Parse(IQueryCollection query, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = Default(today);
        var errors = new List<(string, string)>();

        if (query.TryGetValue("year", out var yearValues) && !string.IsNullOrEmpty(yearValues.ToString()))
        {
            var years = YearChoices(today);
            if (yearValues.Count == 1 && int.TryParse(yearValues[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                && years.Any(y => y.StartYear == start))
            {
                filter = filter with { Year = new ReportingYear(start) };
            }
            else
            {
                errors.Add(("year", $"Choose a reporting year from {years[^1].Label} to {years[0].Label}"));
            }
        }

        foreach (var key in query.TryGetValue("problem", out var problems) ? problems : default)
        {
            var choice = ProblemChoices.FirstOrDefault(c => c.Key == key);
            if (choice.Key is null)
            {
                errors.Add(("problem", "Choose problems from the list"));
                break;
            }

            filter = filter with { Problems = filter.Problems | choice.Problem };
        }

        if (query.TryGetValue("map", out var map) && !string.IsNullOrEmpty(map.ToString()))
        {
            var choice = MapChoices.FirstOrDefault(c => c.Key == map.ToString());
            if (choice.Key is null)
            {
                errors.Add(("map", "Choose what the map shows from the list"));
            }
            else
            {
                filter = filter with { Map = choice.Kind };
            }
        }

        if (query.TryGetValue("sort", out var sort) && !string.IsNullOrEmpty(sort.ToString()))
        {
            if (SortColumns.ContainsKey(sort.ToString()))
            {
                filter = filter with { Sort = sort.ToString() };
            }
            else
            {
                errors.Add(("sort", "Sort by one of the table's columns"));
            }
        }

        if (query.TryGetValue("dir", out var dir) && !string.IsNullOrEmpty(dir.ToString()))
        {
            if (dir.ToString() is "asc" or "desc")
            {
                filter = filter with { Descending = dir.ToString() == "desc" };
            }
            else
            {
                errors.Add(("dir", "Sort ascending or descending"));
            }
        }

        return (filter, errors);
    }

    public bool Has(PartnershipProblem problem) => (Problems & problem) == problem && problem != PartnershipProblem.None;

    public string MapKey => MapChoices.Single(c => c.Kind == Map).Key;

    /// <summary>The query string for this filter (with a leading "?"), leaving out what is at its default.</summary>
    public string QueryString(DateOnly today)
    {
        var defaults = Default(today);
        var pairs = new List<KeyValuePair<string, string?>>();
        if (Year != defaults.Year)
        {
            pairs.Add(new("year", Year.StartYear.ToString(CultureInfo.InvariantCulture)));
        }

        pairs.AddRange(ProblemChoices.Where(c => Has(c.Problem)).Select(c => new KeyValuePair<string, string?>("problem", c.Key)));
        if (Map != defaults.Map)
        {
            pairs.Add(new("map", MapKey));
        }

        if (Sort != defaults.Sort)
        {
            pairs.Add(new("sort", Sort));
        }

        if (Descending)
        {
            pairs.Add(new("dir", "desc"));
        }

        return pairs.Count == 0 ? string.Empty : QueryHelpers.AddQueryString(string.Empty, pairs);
    }

    public IReadOnlyList<DashboardRow> Apply(IEnumerable<DashboardRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var shown = rows.Where(r => r.Standing.HasAll(Problems)).ToList();
        IOrderedEnumerable<DashboardRow> ordered = Sort switch
        {
            "plan" => By(shown, r => (r.Standing.PlanStanding, r.Standing.CurrentPlan?.PeriodEnd)),
            "statement" => By(shown, r => r.Standing.Statement),
            "return" => By(shown, r => (r.Standing.ReturnStatus, r.Standing.ReturnDueOn)),
            "confirmed" => By(shown, r => r.LastConfirmedOn),
            "account" => By(shown, r => r.Standing.Account),
            _ => Descending
                ? shown.OrderByDescending(r => r.Name, StringComparer.InvariantCulture)
                : shown.OrderBy(r => r.Name, StringComparer.InvariantCulture),
        };
        return [.. ordered.ThenBy(r => r.Name, StringComparer.InvariantCulture)];
    }

    private IOrderedEnumerable<DashboardRow> By<TKey>(IEnumerable<DashboardRow> rows, Func<DashboardRow, TKey> key) =>
        Descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    /// <summary>The band and words for one partnership on the chosen map.</summary>
    public (StandingBand Band, string Label) BandOf(PartnershipStanding standing) => BandOf(Map, standing);

    /// <summary>The band and words for one partnership by one status (<paramref name="map"/>), as the map and the
    /// table's tags show it.</summary>
    public static (StandingBand Band, string Label) BandOf(DashboardMapKind map, PartnershipStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return map switch
        {
            DashboardMapKind.Return => (standing.ReturnStatus switch
            {
                ReturnStatus.Published or ReturnStatus.Submitted => StandingBand.Good,
                ReturnStatus.Overdue => StandingBand.Problem,
                _ => StandingBand.Attention,
            }, Core.Domain.StandingLabels.Of(standing.ReturnStatus)),
            DashboardMapKind.Entry => standing.IsStale ? (StandingBand.Problem, "Stale") : (StandingBand.Good, "Confirmed in the last 12 months"),
            DashboardMapKind.Account => (standing.Account switch
            {
                CoordinatorAccountStatus.Active => StandingBand.Good,
                CoordinatorAccountStatus.NotSetUp => StandingBand.Attention,
                _ => StandingBand.Problem,
            }, Core.Domain.StandingLabels.Of(standing.Account)),
            _ => (standing.Statement switch
            {
                StatementStatus.Published => StandingBand.Good,
                StatementStatus.Missing => StandingBand.Problem,
                _ => StandingBand.Attention,
            }, Core.Domain.StandingLabels.Of(standing.Statement)),
        };
    }
}

using CjpPortal.Core.Domain;

namespace CjpPortal.Core.Rules;

/// <summary>One stage of one partnership's annual return, as the national picture reads it.</summary>
public sealed record StageEngagementFacts(
    int PartnershipId,
    int ReportingYearStart,
    CommissioningStage Stage,
    ThirdSectorInvolvement Involvement,
    IReadOnlyList<EngagementRouteKind> RouteKinds,
    int? OrganisationCount);

/// <summary>How many partnerships said yes, partly or no for one stage, and how many recorded nothing.</summary>
public sealed record StageCount(CommissioningStage Stage, int Yes, int Partly, int No, int NotRecorded)
{
    public int Recorded => Yes + Partly + No;
}

/// <summary>How many partnerships used a kind of route at any stage of the year.</summary>
public sealed record RouteKindCount(EngagementRouteKind Kind, int Partnerships);

/// <summary>The partnerships that said "yes" for a stage in a year, of those that recorded the stage.</summary>
public sealed record TrendPoint(int ReportingYearStart, CommissioningStage Stage, int Yes, int Recorded)
{
    /// <summary>The share saying yes, 0 to 100, rounded; null when nobody recorded the stage that year.</summary>
    public int? Percent => Recorded == 0 ? null : (int)Math.Round(100m * Yes / Recorded, MidpointRounding.AwayFromZero);
}

/// <summary>The national picture of third-sector engagement from annual returns: pure aggregation over a projection of
/// the stage rows (<see cref="StageEngagementFacts"/>), so the pages run one query and the counting is unit-tested.</summary>
public sealed class EngagementPicture
{
    private readonly IReadOnlyList<StageEngagementFacts> facts;

    public EngagementPicture(IEnumerable<StageEngagementFacts> facts, int partnerships)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfNegative(partnerships);
        // At most one row per partnership, year and stage (the table's key); keep the first should a caller repeat one.
        this.facts = [.. facts.DistinctBy(f => (f.PartnershipId, f.ReportingYearStart, f.Stage))];
        Partnerships = partnerships;
    }

    /// <summary>The number of partnerships counted (those with nothing recorded count as "not recorded").</summary>
    public int Partnerships { get; }

    public static IReadOnlyList<CommissioningStage> Stages { get; } = Enum.GetValues<CommissioningStage>();

    /// <summary>Whether anything at all is recorded for <paramref name="year"/>.</summary>
    public bool HasAny(ReportingYear year) => facts.Any(f => f.ReportingYearStart == year.StartYear);

    /// <summary>For each stage in order: yes, partly, no, and not recorded (the rest of the partnerships).</summary>
    public IReadOnlyList<StageCount> StageCounts(ReportingYear year)
    {
        var ofYear = facts.Where(f => f.ReportingYearStart == year.StartYear).ToList();
        return [.. Stages.Select(stage =>
        {
            var rows = ofYear.Where(f => f.Stage == stage).ToList();
            var yes = rows.Count(r => r.Involvement == ThirdSectorInvolvement.Yes);
            var partly = rows.Count(r => r.Involvement == ThirdSectorInvolvement.Partly);
            var no = rows.Count(r => r.Involvement == ThirdSectorInvolvement.No);
            return new StageCount(stage, yes, partly, no, Math.Max(0, Partnerships - rows.Count));
        })];
    }

    /// <summary>Each kind of route used in <paramref name="year"/> with the number of partnerships that used it at any
    /// stage (a partnership counts once per kind), most used first, then in the kinds' own order. Routes recorded
    /// against a stage answered "no" still count: the partnership says it used them.</summary>
    public IReadOnlyList<RouteKindCount> RouteKinds(ReportingYear year) =>
        [.. facts.Where(f => f.ReportingYearStart == year.StartYear)
            .SelectMany(f => f.RouteKinds.Select(k => (f.PartnershipId, Kind: k)))
            .Distinct()
            .GroupBy(x => x.Kind)
            .Select(g => new RouteKindCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Partnerships).ThenBy(c => c.Kind)];

    /// <summary>The reporting years the trend covers: from the first one with anything recorded to
    /// <paramref name="latest"/>, oldest first; empty when nothing is recorded up to then.</summary>
    public IReadOnlyList<ReportingYear> TrendYears(ReportingYear latest)
    {
        var recorded = facts.Where(f => f.ReportingYearStart <= latest.StartYear).Select(f => f.ReportingYearStart).ToList();
        if (recorded.Count == 0)
        {
            return [];
        }

        var first = Math.Max(ReturnRules.FirstYear, recorded.Min());
        return [.. Enumerable.Range(first, latest.StartYear - first + 1).Select(y => new ReportingYear(y))];
    }

    /// <summary>For each stage, for each year of <see cref="TrendYears"/>: how many said yes of those that recorded it.</summary>
    public IReadOnlyList<TrendPoint> Trend(ReportingYear latest)
    {
        var years = TrendYears(latest);
        var counts = facts.GroupBy(f => (f.ReportingYearStart, f.Stage))
            .ToDictionary(g => g.Key, g => (Yes: g.Count(f => f.Involvement == ThirdSectorInvolvement.Yes), Recorded: g.Count()));
        return [.. Stages.SelectMany(stage => years.Select(year =>
        {
            var (yes, recorded) = counts.GetValueOrDefault((year.StartYear, stage));
            return new TrendPoint(year.StartYear, stage, yes, recorded);
        }))];
    }

    /// <summary>The year a national picture is for: <paramref name="value"/> (a start year such as "2024"), or the latest
    /// ended year when none is given; an error message when it is not an ended year from 2017-18 on.</summary>
    public static (ReportingYear Year, string? Error) ParseYear(string? value, DateOnly today)
    {
        var latest = ReportingYear.LatestEnded(today);
        if (string.IsNullOrEmpty(value))
        {
            return (latest, null);
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start)
            && start >= ReturnRules.FirstYear && start <= latest.StartYear
                ? (new ReportingYear(start), null)
                : (latest, $"Choose a reporting year that has ended, from {new ReportingYear(ReturnRules.FirstYear).Label} to {latest.Label}");
    }
}

using CjpPortal.Core.Rules;

namespace CjpPortal.Web.Queries;

/// <summary>What the public and the national engagement pages both show for a reporting year: the counts per stage,
/// the route kinds used most and the trend across years up to the latest ended year.</summary>
public sealed record EngagementView(string PageUrl, DateOnly Today, ReportingYear Year, EngagementPicture Picture)
{
    public ReportingYear Latest => ReportingYear.LatestEnded(Today);

    public IReadOnlyList<ReportingYear> YearChoices => [.. ReturnRules.EndedYears(Today)];

    public bool HasAny => Picture.HasAny(Year);

    public IReadOnlyList<StageCount> Counts => Picture.StageCounts(Year);

    public IReadOnlyList<RouteKindCount> RouteKinds => Picture.RouteKinds(Year);

    public IReadOnlyList<ReportingYear> TrendYears => Picture.TrendYears(Latest);

    public IReadOnlyList<TrendPoint> Trend => Picture.Trend(Latest);

    public TrendPoint? Point(ReportingYear year, Core.Domain.CommissioningStage stage) =>
        Trend.FirstOrDefault(p => p.ReportingYearStart == year.StartYear && p.Stage == stage);

    public string CsvUrl => "/engagement.csv";
}

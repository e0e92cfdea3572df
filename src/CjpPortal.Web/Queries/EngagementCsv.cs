using System.Globalization;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;

namespace CjpPortal.Web.Queries;

/// <summary>/engagement.csv: third-sector involvement per stage for every reporting year with returns recorded, as
/// open data (counts only, no notes).</summary>
public static class EngagementCsv
{
    public static readonly string[] Headers = ["Reporting year", "Stage", "Yes", "Partly", "No", "Not recorded", "Share saying yes (%)"];

    public static void Map(WebApplication app) =>
        app.MapMethods("/engagement.csv", [HttpMethods.Get, HttpMethods.Head], WriteAsync)
            .AllowAnonymous().CacheOutput(PublicCache.PolicyName);

    private static async Task WriteAsync(HttpContext context, EngagementQueries queries)
    {
        var today = queries.Today;
        var picture = await queries.PictureAsync(context.RequestAborted);
        var latest = Core.Rules.ReportingYear.LatestEnded(today);
        var trend = picture.Trend(latest);
        var rows = picture.TrendYears(latest).Reverse().SelectMany(year => picture.StageCounts(year).Select(count => new string?[]
        {
            year.Label,
            Labels.Of(count.Stage),
            Invariant(count.Yes),
            Invariant(count.Partly),
            Invariant(count.No),
            Invariant(count.NotRecorded),
            trend.Single(p => p.ReportingYearStart == year.StartYear && p.Stage == count.Stage).Percent is { } percent ? Invariant(percent) : null,
        })).ToList();
        await CsvDownload.WriteAsync(context, string.Create(CultureInfo.InvariantCulture, $"cjp-third-sector-engagement-{today:yyyy-MM-dd}.csv"), Headers, rows);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

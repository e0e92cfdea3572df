using System.Globalization;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;

namespace CjpPortal.Web.Queries;

/// <summary>/participation-statements.csv: the public participation statements table as open data.</summary>
public static class StatementsCsv
{
    public static readonly string[] Headers =
    [
        "Partnership", "Council areas", "Current plan start", "Current plan end", "Participation statement",
        "Participation statement published", "Participation statement link", "Page",
    ];

    public static void Map(WebApplication app) =>
        app.MapMethods("/participation-statements.csv", [HttpMethods.Get, HttpMethods.Head], WriteAsync)
            .AllowAnonymous().CacheOutput(PublicCache.PolicyName);

    private static async Task WriteAsync(HttpContext context, DirectoryQueries queries, PortalLinks links)
    {
        var today = queries.Today;
        var rows = StatementRow.From(await queries.AllAsync(context.RequestAborted), today);
        var baseUri = links.BaseUri(context.Request);
        await CsvDownload.WriteAsync(context, string.Create(CultureInfo.InvariantCulture, $"cjp-participation-statements-{today:yyyy-MM-dd}.csv"), Headers, rows.Select(row => new string?[]
        {
            row.Partnership,
            row.AreaNames.Replace(", ", "; ", StringComparison.Ordinal),
            row.CurrentPlan?.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            row.CurrentPlan?.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StandingLabels.Of(row.Status),
            row.Statement?.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CsvDownload.Absolute(row.Statement?.Link, baseUri),
            new Uri(baseUri, $"partnerships/{row.Slug}").ToString(),
        }));
    }
}

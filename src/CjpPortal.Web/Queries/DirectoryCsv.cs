using System.Globalization;
using System.Text;
using CjpPortal.Web.Infrastructure;
using CsvHelper;

namespace CjpPortal.Web.Queries;

/// <summary>/directory.csv: the directory table as open data.</summary>
public static class DirectoryCsv
{
    public static readonly string[] Headers =
    [
        "Partnership", "Council areas", "Main contact", "Main contact role", "Main contact email", "Main contact phone",
        "Third-sector representation on board", "Local third-sector forums", "Thematic groups", "Events",
        "Consultations", "Current CJOIP period", "Current CJOIP link", "Participation statement published",
        "Participation statement link", "Latest annual report year", "Latest annual report link", "Last confirmed",
        "Page",
    ];

    /// <summary>GET and HEAD, like every page (HEAD is how link checkers and caches ask about a file).</summary>
    public static void Map(WebApplication app) =>
        app.MapMethods("/directory.csv", [HttpMethods.Get, HttpMethods.Head], WriteAsync).AllowAnonymous().CacheOutput(PublicCache.PolicyName);

    private static async Task WriteAsync(HttpContext context, DirectoryQueries queries, PortalLinks links)
    {
        var today = queries.Today;
        var rows = (await queries.AllAsync(context.RequestAborted)).Select(p => DirectoryRow.From(p, today));
        // The configured address, not the request's Host header: the file is cached and shared, and its links must not
        // point wherever the first requester said the portal lives.
        var baseUri = links.BaseUri(context.Request);

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"cjp-directory-{today:yyyy-MM-dd}.csv\"");

        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in Headers)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        foreach (var row in rows)
        {
            string?[] fields =
            [
                row.Partnership,
                string.Join("; ", row.CouncilAreas.Select(a => a.Name)),
                row.MainContact.Name,
                row.MainContact.KindLabel,
                row.MainContact.Email,
                row.MainContact.Phone,
                row.BoardRepresentation,
                string.Join("; ", row.Forums),
                string.Join("; ", row.ThematicGroups),
                string.Join("; ", row.Events),
                string.Join("; ", row.Consultations),
                row.CurrentPlan?.PeriodLabel,
                row.CurrentPlan?.Link,
                row.ParticipationStatement?.IsPublished == true ? "Yes" : "No",
                row.ParticipationStatement?.Link,
                row.LatestAnnualReport?.Year.Label,
                row.LatestAnnualReport?.PublishedReportLink,
                row.LastConfirmedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                new Uri(baseUri, $"partnerships/{row.Slug}").ToString(),
            ];
            foreach (var field in fields)
            {
                csv.WriteField(CsvSafety.Neutralise(field));
            }

            await csv.NextRecordAsync();
        }
    }
}

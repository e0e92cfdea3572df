using System.Globalization;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CjpPortal.Web.Queries;

/// <summary>/directory.csv: the directory table as open data. It takes the page's query (area, sort, dir), so a
/// filtered or sorted page's download link gives the rows the page shows, in its order.</summary>
public static class DirectoryCsv
{
    public static readonly string[] Headers =
    [
        "Partnership", "Council areas", "Main contact", "Main contact type", "Main contact job title", "Main contact email",
        "Main contact phone", "Third Sector Interface", "Third Sector Interface email", "Third Sector Interface phone",
        "Third Sector Interface website", "Third-sector representation on board", "Local third-sector forums",
        "Thematic groups", "Events", "Consultations", "Current CJOIP period", "Current CJOIP link",
        "Participation statement published", "Participation statement link", "Latest annual report year",
        "Latest annual report link", "Annual report overdue", "Last confirmed", "Page",
    ];

    /// <summary>GET and HEAD, like every page (HEAD is how link checkers and caches ask about a file).</summary>
    public static void Map(WebApplication app) =>
        app.MapMethods("/directory.csv", [HttpMethods.Get, HttpMethods.Head], WriteAsync).AllowAnonymous().CacheOutput(PublicCache.PolicyName);

    private static async Task WriteAsync(
        HttpContext context,
        DirectoryQueries queries,
        PortalLinks links,
        [FromQuery(Name = "area")] string? area,
        [FromQuery(Name = "sort")] string? sort,
        [FromQuery(Name = "dir")] string? direction)
    {
        var today = queries.Today;
        var view = DirectoryView.Build(await queries.AllAsync(context.RequestAborted), today, area, sort, direction);
        if (view.AreaIsUnknown)
        {
            // As the page does: no rows for an area that does not exist, rather than the whole directory unasked.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(DirectoryView.UnknownAreaMessage + " on the directory page (/directory) to download its partnership.", context.RequestAborted);
            return;
        }

        // The configured address, not the request's Host header: the file is cached and shared, and its links must not
        // point wherever the first requester said the portal lives.
        var baseUri = links.BaseUri(context.Request);

        await CsvDownload.WriteAsync(context, string.Create(CultureInfo.InvariantCulture, $"cjp-directory-{today:yyyy-MM-dd}.csv"), Headers,
            view.Rows.Select(row => Fields(row, baseUri)));
    }

    /// <summary>One row's cells, in the order of <see cref="Headers"/>; /compare's download writes the same.</summary>
    public static string?[] Fields(DirectoryRow row, Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.Partnership,
            string.Join("; ", row.CouncilAreas.Select(a => a.Name)),
            row.MainContact.Name,
            row.MainContact.KindLabel,
            row.MainContact.Role,
            row.MainContact.Email,
            row.MainContact.Phone,
            Tsi(row, t => t.Name),
            Tsi(row, t => t.Email),
            Tsi(row, t => t.Phone),
            Tsi(row, t => t.Website),
            row.BoardRepresentation,
            string.Join("; ", row.Forums),
            string.Join("; ", row.ThematicGroups),
            string.Join("; ", row.Events),
            string.Join("; ", row.Consultations),
            row.CurrentPlan?.PeriodLabel,
            CsvDownload.Absolute(row.CurrentPlan?.Link, baseUri),
            row.ParticipationStatement?.IsPublished == true ? "Yes" : "No",
            CsvDownload.Absolute(row.ParticipationStatement?.Link, baseUri),
            row.LatestAnnualReport?.Year.Label,
            CsvDownload.Absolute(row.LatestAnnualReport?.PublishedReportLink, baseUri),
            row.OverdueYears,
            row.LastConfirmedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            new Uri(baseUri, $"partnerships/{row.Slug}").ToString(),
        ];
    }

    /// <summary>One detail of the row's Third Sector Interfaces: as it is for a partnership of one council area,
    /// "Area: value; Area: value" for one of several, so each value stays with its area.</summary>
    private static string Tsi(DirectoryRow row, Func<TsiSnapshot, string?> detail)
    {
        var known = row.Tsis.Where(t => t.Tsi is not null && detail(t.Tsi) is not null).ToList();
        return row.Tsis.Count == 1
            ? string.Join(string.Empty, known.Select(t => detail(t.Tsi!)))
            : string.Join("; ", known.Select(t => $"{t.AreaName}: {detail(t.Tsi!)}"));
    }
}

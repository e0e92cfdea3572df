using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Organisations;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Queries;

/// <summary>/organisations.csv: every published listing not hidden by the yearly confirmation cycle, one row per service (a listing without services has one
/// row with the service columns empty), as open data. Every cell goes through CsvSafety.</summary>
public static class OrganisationsCsv
{
    public static readonly string[] Headers =
    [
        "Organisation id", "Organisation", "Scottish charity number", "Website", "Email", "Telephone", "Description", "Themes",
        "Council areas", "Partnership routes", "Last confirmed", "Page", "Service", "Service description", "Who it is for",
        "How to refer or get in touch", "Service themes", "Service council areas",
    ];

    public static void Map(WebApplication app) =>
        app.MapMethods("/organisations.csv", [HttpMethods.Get, HttpMethods.Head], WriteAsync)
            .AllowAnonymous().CacheOutput(PublicCache.PolicyName);

    private static async Task WriteAsync(HttpContext context, AppDbContext db, PortalLinks links, TimeProvider clock, ListingReviewClock review)
    {
        var baseUri = links.BaseUri(context.Request);
        var organisations = await ListingReview.Visible(db.Organisations.AsNoTracking(), review.Now())
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new
            {
                o.Id, o.Name, o.CharityNumber, o.Website, o.PublicEmail, o.Phone, o.Description, o.Themes, o.CoversAllOfScotland,
                Areas = o.Areas.OrderBy(a => a.CouncilArea.Name).Select(a => a.CouncilArea.Name).ToList(), o.RouteKinds, o.ConfirmedAt,
                Services = o.Services.OrderBy(s => s.DisplayOrder).ThenBy(s => s.Id).Select(s => new
                {
                    s.Name, s.Description, s.WhoItIsFor, s.HowToAccess, s.Themes, s.CoversAllOfScotland,
                    Areas = s.Areas.OrderBy(a => a.CouncilArea.Name).Select(a => a.CouncilArea.Name).ToList(),
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(context.RequestAborted);
        static string Where(bool all, List<string> areas) => all ? "All of Scotland" : string.Join("; ", areas);
        var today = ScottishTime.Today(clock);
        var rows = new List<string?[]>();
        foreach (var o in organisations)
        {
            string?[] common =
            [
                o.Id.ToString(CultureInfo.InvariantCulture), o.Name, o.CharityNumber, o.Website, o.PublicEmail, o.Phone, o.Description,
                string.Join("; ", o.Themes.Select(Themes.NameOf)), Where(o.CoversAllOfScotland, o.Areas),
                string.Join("; ", o.RouteKinds.Select(Labels.Of)), o.ConfirmedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                new Uri(baseUri, OrganisationLinks.ShowPath(o.Id).TrimStart('/')).ToString(),
            ];
            if (o.Services.Count == 0)
            {
                rows.Add([.. common, null, null, null, null, null, null]);
            }

            foreach (var service in o.Services)
            {
                rows.Add([.. common, service.Name, service.Description, service.WhoItIsFor, service.HowToAccess,
                    string.Join("; ", service.Themes.Select(Themes.NameOf)), Where(service.CoversAllOfScotland, service.Areas)]);
            }
        }

        await CsvDownload.WriteAsync(context, string.Create(CultureInfo.InvariantCulture, $"cjp-organisations-{today:yyyy-MM-dd}.csv"), Headers, rows);
    }
}

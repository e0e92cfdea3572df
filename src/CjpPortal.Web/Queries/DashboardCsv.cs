using System.Globalization;
using System.Text;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Auth;
using CjpPortal.Web.Pages.National.Dashboard;

namespace CjpPortal.Web.Queries;

/// <summary>/national/dashboard.csv: the dashboard's table as a spreadsheet, with the same filters and order as the
/// page it is linked from. CJS staff and administrators only (signed in, with two-factor authentication).</summary>
public static class DashboardCsv
{
    public static readonly string[] Headers =
    [
        "Partnership", "Council areas", "Current plan period", "Current plan", "Next plan period", "Next plan stage",
        "Participation statement", "Participation statement published", "Annual return year", "Annual return",
        "Annual return due", "Annual return submitted", "Annual report published", "Last confirmed", "Entry",
        "Coordinator account", "Page",
    ];

    public static void Map(WebApplication app) =>
        app.MapMethods("/national/dashboard.csv", [HttpMethods.Get, HttpMethods.Head], WriteAsync)
            .RequireAuthorization(AuthorizationPolicies.CjsStaff);

    private static async Task<IResult> WriteAsync(HttpContext context, DashboardQueries queries, PortalLinks links)
    {
        var today = queries.Today;
        var (filter, errors) = DashboardFilter.Parse(context.Request.Query, today);
        if (errors.Count > 0)
        {
            return Results.Text(string.Join(Environment.NewLine, errors.Select(e => e.Message)), "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);
        }

        var rows = filter.Apply(await queries.RowsAsync(filter.Year, context.RequestAborted));
        var baseUri = links.BaseUri(context.Request);
        await CsvDownload.WriteAsync(context, string.Create(CultureInfo.InvariantCulture, $"cjp-dashboard-{filter.Year.Label}-{today:yyyy-MM-dd}.csv"), Headers, rows.Select(row =>
        {
            var s = row.Standing;
            return new string?[]
            {
                row.Name,
                string.Join("; ", row.Areas.Select(a => a.Name)),
                Period(s.CurrentPlan),
                StandingLabels.Of(s.PlanStanding),
                Period(s.NextPlan),
                s.NextPlanStage is { } stage ? StandingLabels.Of(stage) : null,
                StandingLabels.Of(s.Statement),
                s.Statement == StatementStatus.Published ? Iso(s.CurrentPlan?.StatementPublishedOn) : null,
                filter.Year.Label,
                StandingLabels.Of(s.ReturnStatus),
                Iso(s.ReturnDueOn),
                Iso(s.Return?.SubmittedOn),
                Iso(s.Return?.PublishedOn),
                Iso(row.LastConfirmedOn),
                s.IsStale ? "Stale" : "Up to date",
                StandingLabels.Of(s.Account),
                new Uri(baseUri, $"partnerships/{row.Slug}").ToString(),
            };
        }));

        return Results.Empty;
    }

    private static string? Period(PlanDates? plan) =>
        plan is null ? null : string.Create(CultureInfo.InvariantCulture, $"{plan.PeriodStart:yyyy-MM-dd} to {plan.PeriodEnd:yyyy-MM-dd}");

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

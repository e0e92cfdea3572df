using System.Globalization;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;

namespace CjpPortal.Web.Queries;

/// <summary>One row of the annual directory table, with the columns CJVSF's table had.</summary>
public sealed record DirectoryRow(
    string Partnership,
    string Slug,
    IReadOnlyList<AreaListItem> CouncilAreas,
    MainContact MainContact,
    IReadOnlyList<AreaTsi> Tsis,
    string BoardRepresentation,
    IReadOnlyList<string> Forums,
    IReadOnlyList<string> ThematicGroups,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> Consultations,
    PlanSnapshot? CurrentPlan,
    StatementSnapshot? ParticipationStatement,
    AnnualReturnSnapshot? LatestAnnualReport,
    IReadOnlyList<AnnualReturnSnapshot> OverdueReports,
    DateOnly? LastConfirmedOn,
    bool IsStale)
{
    public const string None = "None listed";

    /// <summary>The reporting years whose annual report is overdue ("2023-24, 2024-25"), or "" when none is.</summary>
    public string OverdueYears => string.Join(", ", OverdueReports.OrderBy(r => r.ReportingYearStart).Select(r => r.Year.Label));

    public static DirectoryRow From(PartnershipSnapshot p, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(p);
        var board = p.ActiveRoutesOf(EngagementRouteKind.BoardRepresentation).ToList();
        var plan = p.CurrentPlan(today);
        var consultations = p.ActiveRoutesOf(EngagementRouteKind.Consultation).Select(r => r.Title)
            .Concat(p.PlansInConsultation(today).Select(c => c.ConsultationClosesOn is { } closes
                ? string.Create(CultureInfo.InvariantCulture, $"Draft plan {c.PeriodLabel}, closes {closes:d MMMM yyyy}")
                : $"Draft plan {c.PeriodLabel}"))
            .ToList();

        return new DirectoryRow(
            p.Name,
            p.Slug,
            [.. p.Areas.Select(a => new AreaListItem(a.GssCode, a.Name))],
            p.MainContact,
            [.. p.Areas.Select(a => new AreaTsi(a.Name, a.Tsi))],
            board.Count == 0
                ? "No"
                : "Yes" + (board[0].RepresentationKind is { } kind ? ", " + Labels.Of(kind) : string.Empty),
            [.. p.ActiveRoutesOf(EngagementRouteKind.LocalForum).Select(Describe)],
            [.. p.ActiveRoutesOf(EngagementRouteKind.ThematicGroup).Select(r => r.Title)],
            [.. p.ActiveRoutesOf(EngagementRouteKind.Event).Select(r => r.Title)],
            consultations,
            plan,
            plan?.Statement,
            p.LatestPublishedReport,
            [.. p.OverdueReturns(today)],
            p.LastConfirmedOn,
            Staleness.IsStale(p.LastConfirmedOn, today));
    }

    private static string Describe(RouteSnapshot route) =>
        route.MeetingFrequency is null ? route.Title : $"{route.Title} ({route.MeetingFrequency})";
}

/// <summary>A council area of the row's partnership and its Third Sector Interface, if one has been added.</summary>
public sealed record AreaTsi(string AreaName, TsiSnapshot? Tsi);

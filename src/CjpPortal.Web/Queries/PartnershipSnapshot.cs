using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;

namespace CjpPortal.Web.Queries;

/// <summary>Everything the public pages show about one partnership, read in one go.</summary>
public sealed record PartnershipSnapshot(
    int Id,
    string Name,
    string Slug,
    string? Website,
    string? GovernanceNotes,
    bool CoordinatorPostVacant,
    int? FallbackContactId,
    DateOnly? LastConfirmedOn,
    IReadOnlyList<AreaSnapshot> Areas,
    IReadOnlyList<ContactCandidate> Contacts,
    IReadOnlyList<RouteSnapshot> Routes,
    IReadOnlyList<PlanSnapshot> Plans,
    IReadOnlyList<AnnualReturnSnapshot> AnnualReturns)
{
    /// <summary>True when CJS staff confirmed the entry on the partnership's behalf.</summary>
    public bool LastConfirmedByCjsStaff { get; init; }

    public IEnumerable<ContactCandidate> PublishedContacts => Contacts.Where(c => c.IsPublished).OrderBy(c => c.DisplayOrder).ThenBy(c => c.Id);

    public MainContact MainContact => MainContactRule.Choose(
        CoordinatorPostVacant,
        FallbackContactId,
        Contacts,
        [.. Areas.Where(a => a.Tsi is not null).Select(a => new TsiCandidate(a.Tsi!.Name, a.Tsi.Email, a.Tsi.Phone))]);

    public IEnumerable<RouteSnapshot> ActiveRoutes => Routes.Where(r => r.IsActive).OrderBy(r => r.DisplayOrder).ThenBy(r => r.Title, StringComparer.Ordinal);

    public IEnumerable<RouteSnapshot> ActiveRoutesOf(EngagementRouteKind kind) => ActiveRoutes.Where(r => r.Kind == kind);

    /// <summary>The current plan on <paramref name="today"/> (<see cref="PlanRules.Current"/>): the published plan that
    /// nothing later has superseded; a plan in consultation is shown beside it.</summary>
    public PlanSnapshot? CurrentPlan(DateOnly today) =>
        PlanRules.Current(Plans.Select(p => p.Dates), today) is { } current ? Plans.Single(p => p.Id == current.Id) : null;

    /// <summary>Whether <paramref name="plan"/> (the current one) is still within its period on <paramref name="today"/>.</summary>
    public CurrentPlanStanding StandingOf(PlanSnapshot plan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return PlanRules.StandingOf(plan.Dates, today);
    }

    /// <summary>The plans open for consultation on <paramref name="today"/>, soonest-closing first.</summary>
    public IEnumerable<PlanSnapshot> PlansInConsultation(DateOnly today) =>
        PlanRules.InConsultation(Plans.Select(p => p.Dates), today).Select(d => Plans.Single(p => p.Id == d.Id));

    /// <summary>Annual returns for reporting years that have ended whose report is not yet published: the overdue ones
    /// first (the ones to chase), then newest first.</summary>
    public IEnumerable<AnnualReturnSnapshot> UnpublishedReturns(DateOnly today) =>
        AnnualReturns.Where(r => r.Year.End < today && r.PublishedReportLink is null)
            .OrderByDescending(r => r.IsOverdue(today))
            .ThenByDescending(r => r.ReportingYearStart);

    /// <summary>The unpublished returns past their due date and not submitted: what the partnership page and the
    /// directory flag as overdue.</summary>
    public IEnumerable<AnnualReturnSnapshot> OverdueReturns(DateOnly today) => UnpublishedReturns(today).Where(r => r.IsOverdue(today));

    public AnnualReturnSnapshot? LatestPublishedReport =>
        AnnualReturns.Where(r => r.PublishedReportLink is not null).MaxBy(r => r.ReportingYearStart);

    public string AreaNames => string.Join(", ", Areas.Select(a => a.Name));
}

public sealed record AreaSnapshot(string GssCode, string Name, IReadOnlyList<string> Aliases, TsiSnapshot? Tsi);

public sealed record TsiSnapshot(string Name, string? Website, string? Email, string? Phone);

public sealed record RouteSnapshot(
    int Id,
    EngagementRouteKind Kind,
    BoardRepresentationKind? RepresentationKind,
    string Title,
    string? Description,
    string? HowToJoin,
    string? ContactName,
    string? ContactEmail,
    string? MeetingFrequency,
    MeetingFormat? Format,
    bool IsActive,
    int DisplayOrder);

public sealed record PlanSnapshot(
    int Id,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly? ConsultationOpensOn,
    DateOnly? ConsultationClosesOn,
    string? Link,
    DateOnly? PublishedOn,
    StatementSnapshot? Statement)
{
    /// <summary>How to respond to the consultation: a web page (https).</summary>
    public string? ResponseLink { get; init; }

    /// <summary>How to respond to the consultation: an e-mail address.</summary>
    public string? ResponseEmail { get; init; }

    public string PeriodLabel => Labels.PlanPeriod(PeriodStart, PeriodEnd);

    /// <summary>"Closes today", "Closes tomorrow", "Closes in 12 days", or "No closing date given".</summary>
    public string ClosesIn(DateOnly today) => PlanRules.ClosesIn(ConsultationClosesOn, today);

    /// <summary>The dates the plan rules (<see cref="PlanRules"/>) work from.</summary>
    public PlanDates Dates => new(Id, PeriodStart, PeriodEnd, ConsultationOpensOn, ConsultationClosesOn, PublishedOn, Statement?.PublishedOn);
}

public sealed record StatementSnapshot(DateOnly? PublishedOn, string? Link, string? Summary)
{
    public bool IsPublished => PublishedOn is not null;
}

public sealed record AnnualReturnSnapshot(int ReportingYearStart, DateOnly DueOn, DateOnly? SubmittedOn, string? PublishedReportLink, DateOnly? PublishedOn)
{
    public ReportingYear Year => new(ReportingYearStart);

    public bool IsOverdue(DateOnly today) => SubmittedOn is null && DueOn < today;
}

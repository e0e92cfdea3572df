namespace CjpPortal.Core.Rules;

/// <summary>Whether the participation statement for the partnership's current plan is published.</summary>
public enum StatementStatus
{
    /// <summary>No published plan, so no statement for one either.</summary>
    NoCurrentPlan,
    Missing,
    Published,
}

/// <summary>Whether someone can keep the partnership's entry up to date.</summary>
public enum CoordinatorAccountStatus
{
    /// <summary>No coordinator account is assigned to the partnership.</summary>
    None,

    /// <summary>Invited, but nobody assigned has finished setting up (password and authenticator app).</summary>
    NotSetUp,

    Active,
}

/// <summary>What Community Justice Scotland chases partnerships about; a partnership may have several.</summary>
[Flags]
public enum PartnershipProblem
{
    None = 0,
    NoParticipationStatement = 1,
    OverdueReturn = 2,
    StaleEntry = 4,
    NoCoordinatorAccount = 8,
}

/// <summary>What the standing of a partnership depends on.</summary>
public sealed record PartnershipFacts(
    IReadOnlyList<PlanDates> Plans,
    IReadOnlyList<ReturnDates> Returns,
    DateOnly? LastConfirmedOn,
    int ActiveCoordinatorAccounts,
    int CoordinatorAccountsNotSetUp);

/// <summary>One partnership's standing on one day for one reporting year: the dashboard's row, before any display.</summary>
public sealed record PartnershipStanding(
    PlanDates? CurrentPlan,
    CurrentPlanStanding PlanStanding,
    PlanDates? NextPlan,
    PlanStage? NextPlanStage,
    StatementStatus Statement,
    ReturnDates? Return,
    ReturnStatus ReturnStatus,
    DateOnly ReturnDueOn,
    bool IsStale,
    CoordinatorAccountStatus Account)
{
    public PartnershipProblem Problems =>
        (Statement is StatementStatus.Published ? PartnershipProblem.None : PartnershipProblem.NoParticipationStatement)
        | (ReturnStatus is ReturnStatus.Overdue ? PartnershipProblem.OverdueReturn : PartnershipProblem.None)
        | (IsStale ? PartnershipProblem.StaleEntry : PartnershipProblem.None)
        | (Account is CoordinatorAccountStatus.Active ? PartnershipProblem.None : PartnershipProblem.NoCoordinatorAccount);

    /// <summary>True when the partnership has every problem in <paramref name="problems"/> (all of them, so filters combine by "and").</summary>
    public bool HasAll(PartnershipProblem problems) => (Problems & problems) == problems;

    public static PartnershipStanding Of(PartnershipFacts facts, ReportingYear year, AnnualReturnDeadline deadline, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var current = PlanRules.Current(facts.Plans, today);
        var next = facts.Plans
            .Where(p => !PlanRules.IsPublished(p, today) && (current is null || p.PeriodStart > current.PeriodStart))
            .MaxBy(p => p.PeriodStart);
        var recorded = facts.Returns.SingleOrDefault(r => r.ReportingYearStart == year.StartYear);
        return new PartnershipStanding(
            current,
            PlanRules.StandingOf(current, today),
            next,
            next is null ? null : PlanRules.StageOf(next, facts.Plans, today),
            current switch
            {
                null => StatementStatus.NoCurrentPlan,
                { StatementPublishedOn: { } published } when published <= today => StatementStatus.Published,
                _ => StatementStatus.Missing,
            },
            recorded,
            ReturnRules.StatusOf(year, recorded, deadline, today),
            ReturnRules.DueOn(year, recorded, deadline),
            Staleness.IsStale(facts.LastConfirmedOn, today),
            facts switch
            {
                { ActiveCoordinatorAccounts: > 0 } => CoordinatorAccountStatus.Active,
                { CoordinatorAccountsNotSetUp: > 0 } => CoordinatorAccountStatus.NotSetUp,
                _ => CoordinatorAccountStatus.None,
            });
    }
}

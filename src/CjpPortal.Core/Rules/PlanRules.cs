namespace CjpPortal.Core.Rules;

/// <summary>Where a plan (CJOIP) stands on a given day, worked out from its dates and the partnership's other plans.</summary>
public enum PlanStage
{
    /// <summary>Being written: not published and no consultation dates reached.</summary>
    Draft,

    /// <summary>A consultation is set but has not opened yet.</summary>
    ConsultationPlanned,

    /// <summary>Open for consultation today (opening and closing days included).</summary>
    InConsultation,

    /// <summary>The consultation has closed; the plan is not published yet.</summary>
    ConsultationClosed,

    Published,

    /// <summary>Published, but a later plan of the same partnership has been published since.</summary>
    Superseded,
}

/// <summary>The dates of one plan that its stage depends on, and when its participation statement was published.</summary>
public sealed record PlanDates(
    int Id,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly? ConsultationOpensOn,
    DateOnly? ConsultationClosesOn,
    DateOnly? PublishedOn,
    DateOnly? StatementPublishedOn = null);

/// <summary>How a partnership's current plan stands: there is one in its period, one whose period has ended with
/// nothing published after it, or none at all.</summary>
public enum CurrentPlanStanding
{
    None,
    Current,
    PeriodEnded,
}

/// <summary>The plan rules, computed from dates with the caller's "today" (from the injected TimeProvider) rather than
/// from stored flags, so a plan moves from consultation to closed, and from published to superseded, on the right day
/// without anyone changing a row.</summary>
public static class PlanRules
{
    public static bool IsPublished(PlanDates plan, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.PublishedOn is { } published && published <= today;
    }

    public static PlanStage StageOf(PlanDates plan, IEnumerable<PlanDates> partnershipPlans, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(partnershipPlans);
        if (IsPublished(plan, today))
        {
            var supersededBy = partnershipPlans.Any(other =>
                other.Id != plan.Id && other.PeriodStart > plan.PeriodStart && IsPublished(other, today));
            return supersededBy ? PlanStage.Superseded : PlanStage.Published;
        }

        return plan switch
        {
            { ConsultationOpensOn: { } opens } when today < opens => PlanStage.ConsultationPlanned,
            { ConsultationClosesOn: { } closes } when today > closes => PlanStage.ConsultationClosed,
            { ConsultationOpensOn: not null } => PlanStage.InConsultation,
            _ => PlanStage.Draft,
        };
    }

    /// <summary>The partnership's published plan that nothing later has superseded, or null when none is published.</summary>
    public static PlanDates? Current(IEnumerable<PlanDates> partnershipPlans, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(partnershipPlans);
        return partnershipPlans.Where(p => IsPublished(p, today)).MaxBy(p => p.PeriodStart);
    }

    public static CurrentPlanStanding StandingOf(PlanDates? current, DateOnly today) => current switch
    {
        null => CurrentPlanStanding.None,
        { PeriodEnd: var end } when end < today => CurrentPlanStanding.PeriodEnded,
        _ => CurrentPlanStanding.Current,
    };

    /// <summary>True when the two periods share at least one day (both ends are days of the period).</summary>
    public static bool Overlaps(DateOnly start, DateOnly end, DateOnly otherStart, DateOnly otherEnd) =>
        start <= otherEnd && otherStart <= end;

    /// <summary>The partnership's other published plans (published on any date, so a plan published with a date still
    /// to come counts) whose period shares a day with <paramref name="start"/> to <paramref name="end"/>: periods of
    /// published plans may not overlap, so there is at most one current plan on any day.</summary>
    public static IEnumerable<PlanDates> OverlappingPublished(int planId, DateOnly start, DateOnly end, IEnumerable<PlanDates> partnershipPlans)
    {
        ArgumentNullException.ThrowIfNull(partnershipPlans);
        return partnershipPlans.Where(p => p.Id != planId && p.PublishedOn is not null && Overlaps(start, end, p.PeriodStart, p.PeriodEnd));
    }

    /// <summary>"Closes today", "Closes tomorrow", "Closes in 12 days", or "No closing date given".</summary>
    public static string ClosesIn(DateOnly? closes, DateOnly today) => closes is not { } on ? "No closing date given"
        : (on.DayNumber - today.DayNumber) switch
        {
            0 => "Closes today",
            1 => "Closes tomorrow",
            var days => $"Closes in {days} days",
        };

    /// <summary>The plans open for consultation today, soonest-closing first.</summary>
    public static IEnumerable<PlanDates> InConsultation(IEnumerable<PlanDates> partnershipPlans, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(partnershipPlans);
        var plans = partnershipPlans.ToList();
        return plans.Where(p => StageOf(p, plans, today) == PlanStage.InConsultation)
            .OrderBy(p => p.ConsultationClosesOn ?? DateOnly.MaxValue);
    }
}

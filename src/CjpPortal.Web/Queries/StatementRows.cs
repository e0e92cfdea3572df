using CjpPortal.Core.Rules;

namespace CjpPortal.Web.Queries;

/// <summary>One partnership on /participation-statements: its current plan and whether the participation statement
/// for that plan is published.</summary>
public sealed record StatementRow(string Partnership, string Slug, string AreaNames, PlanSnapshot? CurrentPlan, StatementStatus Status)
{
    public StatementSnapshot? Statement => Status == StatementStatus.Published ? CurrentPlan?.Statement : null;

    /// <summary>Every partnership, by name, worked out by the same rules as the CJS dashboard.</summary>
    public static IReadOnlyList<StatementRow> From(IEnumerable<PartnershipSnapshot> partnerships, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(partnerships);
        return [.. partnerships.Select(p =>
        {
            var current = PlanRules.Current(p.Plans.Select(plan => plan.Dates), today);
            var plan = current is null ? null : p.Plans.Single(x => x.Id == current.Id);
            var status = current switch
            {
                null => StatementStatus.NoCurrentPlan,
                { StatementPublishedOn: { } on } when on <= today => StatementStatus.Published,
                _ => StatementStatus.Missing,
            };
            return new StatementRow(p.Name, p.Slug, p.AreaNames, plan, status);
        })];
    }
}

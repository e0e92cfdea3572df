using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.Consultations;

/// <summary>/consultations: every plan open for consultation across Scotland, soonest-closing first, then those opening
/// soon and those closed in the last <see cref="RecentDays"/> days.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel(DirectoryQueries queries) : PageModel
{
    public const int RecentDays = 90;

    public sealed record Consultation(string Partnership, string Slug, PlanSnapshot Plan, PlanStage Stage);

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Consultation> Open { get; private set; } = [];

    public IReadOnlyList<Consultation> Planned { get; private set; } = [];

    public IReadOnlyList<Consultation> RecentlyClosed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = queries.Today;
        var all = (await queries.AllAsync(cancellationToken))
            .SelectMany(p =>
            {
                var dates = p.Plans.Select(plan => plan.Dates).ToList();
                return p.Plans
                    .Where(plan => plan.ConsultationOpensOn is not null)
                    .Select(plan => new Consultation(p.Name, p.Slug, plan, PlanRules.StageOf(plan.Dates, dates, Today)));
            })
            .ToList();
        Open = [.. all.Where(c => c.Stage == PlanStage.InConsultation)
            .OrderBy(c => c.Plan.ConsultationClosesOn ?? DateOnly.MaxValue).ThenBy(c => c.Partnership, StringComparer.InvariantCulture)];
        Planned = [.. all.Where(c => c.Stage == PlanStage.ConsultationPlanned)
            .OrderBy(c => c.Plan.ConsultationOpensOn).ThenBy(c => c.Partnership, StringComparer.InvariantCulture)];
        RecentlyClosed = [.. all.Where(c => c.Plan.ConsultationClosesOn is { } closes && closes < Today && closes >= Today.AddDays(-RecentDays))
            .OrderByDescending(c => c.Plan.ConsultationClosesOn).ThenBy(c => c.Partnership, StringComparer.InvariantCulture)];
    }

    /// <summary>"Closes today", "Closes tomorrow", "Closes in 12 days", or "No closing date given".</summary>
    public string ClosesIn(PlanSnapshot plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.ClosesIn(Today);
    }
}

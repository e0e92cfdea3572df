using CjpPortal.Core;
using CjpPortal.Core.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Plans;

/// <summary>A partnership's plans, newest first, each with the stage the rules give it today (<see cref="PlanRules"/>)
/// and whether its participation statement is published.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public IReadOnlyList<Item> Plans { get; private set; } = [];

    public sealed record Item(PlanDates Dates, PlanStage Stage, bool HasStatement);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        (PartnershipName, Slug) = (partnership.Name, partnership.Slug);
        var rows = await db.Cjoips.AsNoTracking()
            .Where(c => c.PartnershipId == partnership.Id)
            .Select(c => new
            {
                Dates = new PlanDates(c.Id, c.PeriodStart, c.PeriodEnd, c.ConsultationOpensOn, c.ConsultationClosesOn, c.PublishedOn,
                    c.ParticipationStatement == null ? null : c.ParticipationStatement.PublishedOn),
                HasStatement = c.ParticipationStatement != null,
            })
            .ToListAsync(cancellationToken);
        var today = ScottishTime.Today(clock);
        var dates = rows.Select(r => r.Dates).ToList();
        Plans = [.. rows.Select(r => new Item(r.Dates, PlanRules.StageOf(r.Dates, dates, today), r.HasStatement))
            .OrderByDescending(i => i.Dates.PeriodStart).ThenByDescending(i => i.Dates.Id)];
        return Page();
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Plans;

/// <summary>Asks for confirmation, then deletes a plan that has not been published (and its statement). A published
/// plan is a public record: it can be corrected, never deleted.</summary>
public class DeleteModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public string Period { get; private set; } = string.Empty;
    public bool IsPublished { get; private set; }
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken cancellationToken) =>
        await LoadAsync(slug, id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(slug, id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (IsPublished)
        {
            ModelState.AddModelError(string.Empty, "A published plan cannot be deleted. Edit it to correct it.");
            return FormPages.Invalid(this);
        }

        if (plan.ParticipationStatement is { } statement)
        {
            db.ParticipationStatements.Remove(statement);
        }

        db.Cjoips.Remove(plan);
        await db.SaveChangesAuditedAsync(FormPages.Actor(User), clock, cancellationToken);
        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        TempData[FormPages.BannerKey] = $"The plan for {Period} has been deleted.";
        return LocalRedirect(links.Plans(slug));
    }

    private async Task<Cjoip?> LoadAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        var plan = partnership is null ? null
            : await db.Cjoips.Include(c => c.ParticipationStatement)
                .SingleOrDefaultAsync(c => c.Id == id && c.PartnershipId == partnership.Id, cancellationToken);
        if (partnership is not null && plan is not null)
        {
            (PartnershipName, Slug, Period, IsPublished, Id) = (partnership.Name, partnership.Slug, Labels.PlanPeriod(plan), plan.PublishedOn is not null, plan.Id);
        }

        return plan;
    }
}

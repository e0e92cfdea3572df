using CjpPortal.Core;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Plans;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Plans;

/// <summary>Asks for confirmation and the published date, then publishes a plan through <see cref="PlanService"/>.
/// The plan it replaces as the current plan is superseded by the rules, not by a change to its row.</summary>
public class PublishModel(AppDbContext db, PlanService plans, PublicCache cache, ManageLinks links) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public string Period { get; private set; } = string.Empty;

    /// <summary>The period of the current plan this one will replace, or null when there is none (or it is later).</summary>
    public string? Replaces { get; private set; }

    [BindProperty]
    public DateOnly? PublishedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(slug, id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        PublishedOn = plans.Today;
        return plan.PublishedOn is null ? Page() : LocalRedirect(links.Plans(slug));
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(slug, id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (!FormPages.ReplaceBindingError(ModelState, nameof(PublishedOn), "The published date must be a real date") && PublishedOn is null)
        {
            ModelState.AddModelError(nameof(PublishedOn), "Enter the date the plan was published");
        }

        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        switch (await plans.PublishAsync(plan, PublishedOn!.Value, FormPages.Actor(User), cancellationToken))
        {
            case PlanRefusal.PublishedInFuture:
                ModelState.AddModelError(nameof(PublishedOn), "The published date must be today or in the past");
                return FormPages.Invalid(this);
            case PlanRefusal.OverlapsPublishedPlan:
                ModelState.AddModelError(nameof(PublishedOn), PlanFormModel.OverlapMessage);
                return FormPages.Invalid(this);
            case PlanRefusal.AlreadyPublished:
                ModelState.AddModelError(nameof(PublishedOn), "This plan has already been published");
                return FormPages.Invalid(this);
        }

        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        TempData[FormPages.BannerKey] = $"The plan for {Period} has been published.";
        return LocalRedirect(links.Plans(slug));
    }

    private async Task<Cjoip?> LoadAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        var plan = partnership is null ? null
            : await db.Cjoips.SingleOrDefaultAsync(c => c.Id == id && c.PartnershipId == partnership.Id, cancellationToken);
        if (partnership is null || plan is null)
        {
            return null;
        }

        (PartnershipName, Slug, Period) = (partnership.Name, partnership.Slug, Labels.PlanPeriod(plan));
        var others = await db.Cjoips.AsNoTracking()
            .Where(c => c.PartnershipId == partnership.Id && c.Id != plan.Id)
            .Select(c => new PlanDates(c.Id, c.PeriodStart, c.PeriodEnd, c.ConsultationOpensOn, c.ConsultationClosesOn, c.PublishedOn, null))
            .ToListAsync(cancellationToken);
        Replaces = PlanRules.Current(others, plans.Today) is { } current && current.PeriodStart < plan.PeriodStart
            ? Labels.PlanPeriod(current.PeriodStart, current.PeriodEnd)
            : null;
        return plan;
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Documents;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Plans;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Plans;

/// <summary>Edits a plan, published or not. A save from a form opened before someone else's save is refused (409).</summary>
[DocumentUploadLimits]
public class EditModel(AppDbContext db, PlanService plans, DocumentStore documents, PublicCache cache, ManageLinks links) : PlanFormModel(db, plans, documents, cache, links)
{
    public string Period { get; private set; } = string.Empty;

    public bool IsPublished { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var plan = await FindAsync(slug, id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        Fill(plan);
        await FindCurrentFileAsync(plan, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var plan = await FindAsync(slug, id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        Validate();
        await ValidateFileAsync(plan, cancellationToken);
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        if (!Db.ExpectVersion(plan, Version))
        {
            return Stale(plan);
        }

        Apply(plan);
        try
        {
            if (!await SaveAsync(plan, cancellationToken))
            {
                return FormPages.Invalid(this);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            var current = await FindAsync(slug, id, cancellationToken);
            return current is null ? NotFound() : Stale(current);
        }

        return SavedRedirect(Links.Plans, $"The plan for {Labels.PlanPeriod(plan)} has been saved.");
    }

    /// <summary>Refuses a save from an out-of-date form (409), showing what is stored now.</summary>
    private IActionResult Stale(Cjoip current)
    {
        ModelState.Clear();
        Fill(current);
        return RefuseStale(current, [], "this plan");
    }

    private async Task<Cjoip?> FindAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var plan = await LoadPartnershipAsync(slug, cancellationToken)
            ? await Db.Cjoips.SingleOrDefaultAsync(c => c.Id == id && c.PartnershipId == PartnershipId, cancellationToken)
            : null;
        if (plan is not null)
        {
            (Period, IsPublished) = (Labels.PlanPeriod(plan), plan.PublishedOn is not null);
        }

        return plan;
    }
}

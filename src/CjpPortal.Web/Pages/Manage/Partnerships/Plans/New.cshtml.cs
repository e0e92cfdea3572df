using CjpPortal.Core;
using CjpPortal.Core.Documents;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Plans;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Documents;
using Microsoft.AspNetCore.Mvc;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Plans;

/// <summary>Adds a draft plan.</summary>
[DocumentUploadLimits]
public class NewModel(AppDbContext db, PlanService plans, DocumentStore documents, PublicCache cache, ManageLinks links) : PlanFormModel(db, plans, documents, cache, links)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadPartnershipAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Validate();
        await ValidateFileAsync(null, cancellationToken);
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var plan = new Cjoip { PartnershipId = PartnershipId };
        Apply(plan);
        Db.Cjoips.Add(plan);
        return await SaveAsync(plan, cancellationToken)
            ? SavedRedirect(Links.Plans, $"The plan for {Labels.PlanPeriod(plan)} has been added.")
            : FormPages.Invalid(this);
    }
}

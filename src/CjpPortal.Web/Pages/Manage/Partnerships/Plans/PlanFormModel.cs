using System.ComponentModel.DataAnnotations;
using CjpPortal.Core;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Documents;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Plans;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Documents;
using CjpPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Plans;

/// <summary>The fields of a plan (CJOIP), shared by the add and edit pages: binding, the date rules and applying them
/// to the record. Saving goes through <see cref="PlanService"/>, which checks a published plan's period.</summary>
public abstract class PlanFormModel(AppDbContext db, PlanService plans, DocumentStore documents, PublicCache cache, ManageLinks links) : PartnershipFormModel(db, links)
{
    private Document? upload;

    [BindProperty]
    [Required(ErrorMessage = "Enter the date the plan's period starts")]
    public DateOnly? PeriodStart { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the date the plan's period ends")]
    public DateOnly? PeriodEnd { get; set; }

    [BindProperty]
    public DateOnly? ConsultationOpensOn { get; set; }

    [BindProperty]
    public DateOnly? ConsultationClosesOn { get; set; }

    [BindProperty]
    [StringLength(Cjoip.LinkMaxLength, ErrorMessage = "The link must be {1} characters or fewer")]
    [HttpsUrl]
    public string? ConsultationResponseLink { get; set; }

    [BindProperty]
    [StringLength(Cjoip.ResponseEmailMaxLength, ErrorMessage = "The email address must be {1} characters or fewer")]
    [PlainEmail]
    public string? ConsultationResponseEmail { get; set; }

    [BindProperty]
    [StringLength(Cjoip.LinkMaxLength, ErrorMessage = "The link must be {1} characters or fewer")]
    [HttpsUrl]
    public string? Link { get; set; }

    /// <summary>The plan as a file, instead of <see cref="Link"/>.</summary>
    [BindProperty]
    public IFormFile? PlanFile { get; set; }

    /// <summary>The file the plan has now, shown by the upload field.</summary>
    public DocumentSummary? CurrentPlanFile { get; private set; }

    protected PlanService Plans => plans;

    /// <summary>Checks the uploaded file (if any) and adds it unsaved, for <see cref="Apply"/>; with the current file
    /// found for the form in case it is shown again.</summary>
    protected async Task ValidateFileAsync(Cjoip? plan, CancellationToken cancellationToken)
    {
        upload = await documents.TryAddUploadOrLinkAsync(PlanFile, Link, ModelState, nameof(PlanFile), PartnershipId, FormPages.Actor(User).UserId, cancellationToken);
        await FindCurrentFileAsync(plan, cancellationToken);
    }

    protected async Task FindCurrentFileAsync(Cjoip? plan, CancellationToken cancellationToken) =>
        CurrentPlanFile = await DocumentSummary.FindAsync(Db, plan?.DocumentId, cancellationToken);

    protected void Fill(Cjoip plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        PeriodStart = plan.PeriodStart;
        PeriodEnd = plan.PeriodEnd;
        ConsultationOpensOn = plan.ConsultationOpensOn;
        ConsultationClosesOn = plan.ConsultationClosesOn;
        ConsultationResponseLink = plan.ConsultationResponseLink;
        ConsultationResponseEmail = plan.ConsultationResponseEmail;
        Link = plan.Link;
        Version = Db.VersionOf(plan);
    }

    /// <summary>The rules between fields: a period that ends after it starts, consultation dates both or neither and
    /// in order, and a way to respond when there is a consultation. A date that is not a date has one message.</summary>
    protected void Validate()
    {
        ConsultationResponseEmail = EmailAddress.Normalise(ConsultationResponseEmail);
        FormPages.ReplaceBindingError(ModelState, nameof(PeriodStart), "The date the period starts must be a real date");
        FormPages.ReplaceBindingError(ModelState, nameof(PeriodEnd), "The date the period ends must be a real date");
        FormPages.ReplaceBindingError(ModelState, nameof(ConsultationOpensOn), "The date the consultation opens must be a real date");
        FormPages.ReplaceBindingError(ModelState, nameof(ConsultationClosesOn), "The date the consultation closes must be a real date");

        if (PeriodStart is { } start && PeriodEnd is { } end && end <= start)
        {
            ModelState.AddModelError(nameof(PeriodEnd), "The plan's period must end after it starts");
        }

        if (Valid(nameof(ConsultationOpensOn)) && Valid(nameof(ConsultationClosesOn)))
        {
            switch (ConsultationOpensOn, ConsultationClosesOn)
            {
                case (null, not null):
                    ModelState.AddModelError(nameof(ConsultationOpensOn), "Enter the date the consultation opens, or leave both consultation dates blank");
                    break;
                case (not null, null):
                    ModelState.AddModelError(nameof(ConsultationClosesOn), "Enter the date the consultation closes, or leave both consultation dates blank");
                    break;
                case ({ } opens, { } closes) when closes < opens:
                    ModelState.AddModelError(nameof(ConsultationClosesOn), "The consultation must close on or after the day it opens");
                    break;
            }
        }

        if (ConsultationOpensOn is not null && ConsultationResponseLink is null && ConsultationResponseEmail is null
            && Valid(nameof(ConsultationResponseLink)) && Valid(nameof(ConsultationResponseEmail)))
        {
            ModelState.AddModelError(nameof(ConsultationResponseLink), "Give a link or an email address for responses to the consultation");
        }
    }

    protected void Apply(Cjoip plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.PeriodStart = PeriodStart!.Value;
        plan.PeriodEnd = PeriodEnd!.Value;
        plan.ConsultationOpensOn = ConsultationOpensOn;
        plan.ConsultationClosesOn = ConsultationClosesOn;
        plan.ConsultationResponseLink = ConsultationResponseLink;
        plan.ConsultationResponseEmail = ConsultationResponseEmail;
        plan.Link = Link;
        if (upload is not null)
        {
            plan.Document = upload;
            plan.Link = null;
        }
        else if (Link is not null)
        {
            plan.DocumentId = null;
        }
    }

    /// <summary>Saves through <see cref="PlanService.SaveAsync"/>; false (with the error on the period) when a
    /// published plan's new period overlaps another published plan.</summary>
    protected async Task<bool> SaveAsync(Cjoip plan, CancellationToken cancellationToken)
    {
        if (await plans.SaveAsync(plan, FormPages.Actor(User), cancellationToken) == PlanRefusal.OverlapsPublishedPlan)
        {
            ModelState.AddModelError(nameof(PeriodStart), OverlapMessage);
            return false;
        }

        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        return true;
    }

    public const string OverlapMessage = "The period overlaps another published plan of this partnership; published plans' periods may not overlap";

    private bool Valid(string field) => ModelState.GetFieldValidationState(field) != ModelValidationState.Invalid;
}

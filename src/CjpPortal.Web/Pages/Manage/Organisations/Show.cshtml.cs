using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Organisations;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Organisations;

/// <summary>One listing for a moderator: everything it says, its history, and the decision (approve, ask for changes,
/// reject; a reason is required for the last two), confirmed on a second step before it is recorded and e-mailed to
/// the organisation. The listing comes from the route; a coordinator outside its areas is refused.</summary>
public class ShowModel(AppDbContext db, OrganisationListings listings, PortalLinks links, PublicCache cache) : PageModel
{
    public const string ReasonRequired = "Enter the reason, which we send to the organisation";

    public sealed record HistoryItem(DateTimeOffset OccurredAt, string UserEmail, string What, string Field, string From, string To);

    public Organisation Organisation { get; private set; } = null!;

    public IReadOnlyList<string> AreaNames { get; private set; } = [];

    public IReadOnlyList<HistoryItem> History { get; private set; } = [];

    [BindProperty]
    public ModerationDecision? Decision { get; set; }

    [BindProperty]
    [StringLength(Organisation.ModerationReasonMaxLength, ErrorMessage = "The reason must be {1} characters or fewer")]
    public string? Reason { get; set; }

    /// <summary>True on the confirmation step.</summary>
    public bool Confirming { get; private set; }

    public IEnumerable<SelectListItem> DecisionItems => Enum.GetValues<ModerationDecision>()
        .Where(d => OrganisationListings.CanDecide(Organisation.Status, d))
        .Select(d => new ChoiceItem(Label(d), d.ToString()));

    public static string Label(ModerationDecision decision) => decision switch
    {
        ModerationDecision.Approve => "Approve and publish",
        ModerationDecision.RequestChanges => "Ask for changes",
        _ => "Reject",
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    /// <summary>The first step: checks the decision and shows what will happen.</summary>
    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Validate())
        {
            return FormPages.Invalid(this);
        }

        Confirming = true;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Validate())
        {
            return FormPages.Invalid(this);
        }

        var wasPublished = Organisation.IsPublished;
        try
        {
            if (!await listings.DecideAsync(Organisation, Decision!.Value, Reason, FormPages.Actor(User), links.BaseUri(Request), cancellationToken))
            {
                ModelState.AddModelError(nameof(Decision), "This decision no longer applies to the listing");
                return FormPages.Invalid(this);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return FormPages.RefuseStale(this, FormPages.StaleMessage("this listing"));
        }

        if (wasPublished || Organisation.IsPublished)
        {
            await cache.EvictAsync(cancellationToken);
        }

        TempData[FormPages.BannerKey] = Decision switch
        {
            ModerationDecision.Approve => $"{Organisation.Name} has been approved and published.",
            ModerationDecision.RequestChanges => $"{Organisation.Name} has been asked for changes.",
            _ => $"{Organisation.Name} has been rejected.",
        };
        return RedirectToPage("Index");
    }

    private bool Validate()
    {
        if (Decision is not { } decision || !Enum.IsDefined(decision) || !OrganisationListings.CanDecide(Organisation.Status, decision))
        {
            ModelState.AddModelError(nameof(Decision), "Choose a decision");
            return false;
        }

        if (decision != ModerationDecision.Approve && string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), ReasonRequired);
        }

        return ModelState.IsValid;
    }

    /// <summary>Loads the listing, or the response refusing it (404 unknown, 403 outside the moderator's areas).</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations
            .Include(o => o.Services.OrderBy(s => s.DisplayOrder)).ThenInclude(s => s.Areas).ThenInclude(a => a.CouncilArea)
            .Include(o => o.Areas).ThenInclude(a => a.CouncilArea)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }

        if (!await listings.CanModerateAsync(id, ModerationScope.UserId(User), ModerationScope.IsNational(User), cancellationToken))
        {
            return Forbid();
        }

        Organisation = organisation;
        AreaNames = [.. organisation.Areas.Select(a => a.CouncilArea.Name).Order(StringComparer.Ordinal)];
        // The listing's services: those it has now, and those whose history says they were added to it (removed ones
        // are gone from the table). A service whose creation was not recorded (made outside the owner's pages) still
        // shows its later changes.
        var idText = id.ToString(CultureInfo.InvariantCulture);
        var currentServiceIds = organisation.Services.Select(s => s.Id).ToList();
        var addedServiceIds = db.AuditEntries
            .Where(e => e.Entity == HistoryCatalogue.OrganisationService.Entity && e.Field == "OrganisationId" && e.NewValue == idText)
            .Select(e => e.EntityId);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.Entity == HistoryCatalogue.Organisation.Entity && e.EntityId == id)
                || (e.Entity == HistoryCatalogue.OrganisationService.Entity && (currentServiceIds.Contains(e.EntityId) || addedServiceIds.Contains(e.EntityId))))
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(200)
            .ToListAsync(cancellationToken);
        History = [.. entries.Select(e => new HistoryItem(
            e.OccurredAt,
            e.UserId == Guid.Empty ? $"{e.UserEmail} (the listing's contact)" : e.UserEmail,
            HistoryCatalogue.EntityLabel(e.Entity),
            HistoryCatalogue.FieldLabel(e.Entity, e.Field),
            HistoryCatalogue.Display(e.Entity, e.Field, e.OldValue),
            HistoryCatalogue.Display(e.Entity, e.Field, e.NewValue)))];
        return null;
    }
}

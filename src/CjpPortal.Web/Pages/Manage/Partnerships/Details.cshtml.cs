using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>A partnership's details: website, governance notes, whether the coordinator post is vacant and who people
/// should contact meanwhile. A save from a form opened before someone else's save is refused, showing their values.</summary>
public class DetailsModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PageModel
{
    public const int GovernanceNotesMaxLength = 4000;
    public const int WebsiteMaxLength = 500;

    public string Name { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public IReadOnlyList<ContactOption> Contacts { get; private set; } = [];

    public IEnumerable<SelectListItem> ContactItems =>
        Contacts.Select(c => new SelectListItem(c.Label, c.Id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>What the other person saved, when this save was refused because the form was out of date.</summary>
    public IReadOnlyList<string> Conflicts { get; private set; } = [];

    [BindProperty]
    [HttpsUrl]
    [StringLength(WebsiteMaxLength, ErrorMessage = "The website address must be {1} characters or fewer")]
    public string? Website { get; set; }

    [BindProperty]
    [StringLength(GovernanceNotesMaxLength, ErrorMessage = "Governance notes must be {1} characters or fewer")]
    public string? GovernanceNotes { get; set; }

    [BindProperty]
    public bool CoordinatorPostVacant { get; set; }

    [BindProperty]
    public int? FallbackContactId { get; set; }

    /// <summary>The row version (xmin) the form was filled from.</summary>
    [BindProperty]
    public uint Version { get; set; }

    public sealed record ContactOption(int Id, string Label);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await LoadAsync(slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        Website = partnership.Website;
        GovernanceNotes = partnership.GovernanceNotes;
        CoordinatorPostVacant = partnership.CoordinatorPostVacant;
        FallbackContactId = partnership.FallbackContactId;
        Version = db.VersionOf(partnership);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await LoadAsync(slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        Validate();
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        if (!db.ExpectVersion(partnership, Version))
        {
            return Conflict(partnership, db.VersionOf(partnership));
        }

        partnership.Website = Website;
        partnership.GovernanceNotes = GovernanceNotes;
        partnership.CoordinatorPostVacant = CoordinatorPostVacant;
        partnership.FallbackContactId = FallbackContactId;
        try
        {
            await db.SaveChangesAuditedAsync(FormPages.Actor(User), clock, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between loading the row and saving it: show their values, not ours.
            db.ChangeTracker.Clear();
            var current = await LoadAsync(slug, cancellationToken);
            return current is null ? NotFound() : Conflict(current, db.VersionOf(current));
        }

        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        TempData[FormPages.BannerKey] = "The details have been saved.";
        return LocalRedirect(links.Partnership(slug));
    }

    private async Task<Partnership?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (partnership is not null)
        {
            (Name, Slug) = (partnership.Name, partnership.Slug);
            Contacts = await db.Contacts.AsNoTracking()
                .Where(c => c.PartnershipId == partnership.Id)
                .OrderBy(c => c.DisplayOrder).ThenBy(c => c.Name)
                .Select(c => new ContactOption(c.Id, c.Name + ", " + c.Role))
                .ToListAsync(cancellationToken);
        }

        return partnership;
    }

    /// <summary>The rules that depend on the partnership's contacts and on other fields; the rest are attributes.</summary>
    private void Validate()
    {
        if (FallbackContactId is { } id && Contacts.All(c => c.Id != id))
        {
            ModelState.AddModelError(nameof(FallbackContactId), "Choose one of this partnership’s contacts");
        }
        else if (CoordinatorPostVacant && FallbackContactId is null)
        {
            ModelState.AddModelError(nameof(FallbackContactId), "Choose who people should contact while the coordinator post is vacant");
        }
    }

    /// <summary>Refuses a save from an out-of-date form: lists where the stored values differ from this form's, and
    /// refills the form's version so the user can save again once they have checked.</summary>
    private IActionResult Conflict(Partnership current, uint currentVersion)
    {
        string ContactName(int? id) => Contacts.FirstOrDefault(c => c.Id == id)?.Label ?? "no one";
        var conflicts = new List<string>();
        if (current.Website != Website)
        {
            conflicts.Add($"Website is now {FormPages.Shown(current.Website)} (you entered {FormPages.Shown(Website)})");
        }

        if (current.GovernanceNotes != GovernanceNotes)
        {
            conflicts.Add($"Governance notes are now {FormPages.Shown(current.GovernanceNotes)} (you entered {FormPages.Shown(GovernanceNotes)})");
        }

        if (current.CoordinatorPostVacant != CoordinatorPostVacant)
        {
            conflicts.Add($"The coordinator post is now marked {(current.CoordinatorPostVacant ? "vacant" : "filled")} (you chose {(CoordinatorPostVacant ? "vacant" : "filled")})");
        }

        if (current.FallbackContactId != FallbackContactId)
        {
            conflicts.Add($"The fallback contact is now {ContactName(current.FallbackContactId)} (you chose {ContactName(FallbackContactId)})");
        }

        Conflicts = conflicts;
        Version = currentVersion;
        return FormPages.RefuseStale(this, FormPages.StaleMessage("these details"));
    }
}

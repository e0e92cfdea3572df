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
/// should contact meanwhile (a published contact; the choice is kept while the post is filled, for the next vacancy).
/// A save from a form opened before someone else's save keeps their changes to fields this person left alone, and is
/// refused only when both changed the same field.</summary>
public class DetailsModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PageModel
{

    public string Name { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;

    /// <summary>The partnership's published contacts: only they may be the fallback.</summary>
    public IReadOnlyList<ContactOption> Contacts { get; private set; } = [];

    public IEnumerable<SelectListItem> ContactItems =>
        Contacts.Select(c => new SelectListItem(c.Label, c.Id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>What the other person saved, when this save was refused because the form was out of date.</summary>
    public IReadOnlyList<string> Conflicts { get; private set; } = [];

    [BindProperty]
    [HttpsUrl]
    [StringLength(Partnership.WebsiteMaxLength, ErrorMessage = "The website address must be {1} characters or fewer")]
    public string? Website { get; set; }

    [BindProperty]
    [StringLength(Partnership.GovernanceNotesMaxLength, ErrorMessage = "Governance notes must be {1} characters or fewer")]
    public string? GovernanceNotes { get; set; }

    [BindProperty]
    public bool CoordinatorPostVacant { get; set; }

    [BindProperty]
    public int? FallbackContactId { get; set; }

    /// <summary>The row version (xmin) the form was filled from.</summary>
    [BindProperty]
    public uint Version { get; set; }

    /// <summary>The values the form was filled from (<see cref="FormOriginals"/>).</summary>
    [BindProperty]
    public Dictionary<string, string?> Original { get; set; } = [];

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
        Remember(partnership);
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
            // Someone saved since this form was opened (perhaps a rename by CJS staff, which this form does not show).
            var conflicts = Merge(partnership);
            if (conflicts.Count > 0)
            {
                return Conflict(partnership, conflicts);
            }

            db.ExpectVersion(partnership, db.VersionOf(partnership));
            ModelState.Clear();
            Validate();
            if (!ModelState.IsValid)
            {
                Remember(partnership);
                return FormPages.Invalid(this);
            }
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
            // Someone saved between loading the row and saving it: show their values where they clash with ours.
            db.ChangeTracker.Clear();
            var current = await LoadAsync(slug, cancellationToken);
            return current is null ? NotFound() : Conflict(current, Merge(current));
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
                .Where(c => c.PartnershipId == partnership.Id && c.IsPublished)
                .OrderBy(c => c.DisplayOrder).ThenBy(c => c.Name)
                .Select(c => new ContactOption(c.Id, c.Name + ", " + c.Role))
                .ToListAsync(cancellationToken);
        }

        return partnership;
    }

    private void Remember(Partnership partnership)
    {
        Version = db.VersionOf(partnership);
        Original = [];
        Original.Remember(nameof(Website), partnership.Website);
        Original.Remember(nameof(GovernanceNotes), partnership.GovernanceNotes);
        Original.Remember(nameof(CoordinatorPostVacant), partnership.CoordinatorPostVacant);
        Original.Remember(nameof(FallbackContactId), partnership.FallbackContactId);
    }

    /// <summary>The rules that depend on the partnership's contacts and on other fields; the rest are attributes.
    /// Hidden contacts are not offered, and a hidden one posted anyway is refused: the public page would name someone
    /// else while the post is vacant.</summary>
    private void Validate()
    {
        if (FallbackContactId is { } id && Contacts.All(c => c.Id != id))
        {
            ModelState.AddModelError(nameof(FallbackContactId), "Choose one of this partnership’s contacts shown on the public page");
        }
        else if (CoordinatorPostVacant && FallbackContactId is null)
        {
            ModelState.AddModelError(nameof(FallbackContactId), "Choose who people should contact while the coordinator post is vacant");
        }
    }

    /// <summary>Takes the stored value of each field this form left alone, and lists the fields both changed.</summary>
    private ConflictList Merge(Partnership current)
    {
        string? ContactName(int? id) => id is null ? null : Contacts.FirstOrDefault(c => c.Id == id)?.Label ?? "a contact not shown on the public page";
        var conflicts = new ConflictList();
        Website = conflicts.Merge("Website", Original, nameof(Website), current.Website, Website);
        GovernanceNotes = conflicts.Merge("Governance notes", Original, nameof(GovernanceNotes), current.GovernanceNotes, GovernanceNotes);
        CoordinatorPostVacant = conflicts.Merge("The coordinator post", Original, nameof(CoordinatorPostVacant), current.CoordinatorPostVacant, CoordinatorPostVacant,
            vacant => vacant ? "vacant" : "filled");
        FallbackContactId = conflicts.Merge("The fallback contact", Original, nameof(FallbackContactId), current.FallbackContactId, FallbackContactId, ContactName);
        return conflicts;
    }

    /// <summary>Refuses a save from an out-of-date form (409) listing the fields both people changed; the form shows
    /// the stored values elsewhere and takes the stored version, so saving again replaces theirs on purpose.</summary>
    private IActionResult Conflict(Partnership current, ConflictList conflicts)
    {
        Conflicts = conflicts;
        Remember(current);
        ModelState.Clear();
        return FormPages.RefuseStale(this, FormPages.StaleMessage("these details"));
    }
}

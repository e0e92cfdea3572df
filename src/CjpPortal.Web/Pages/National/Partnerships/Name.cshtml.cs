using System.ComponentModel.DataAnnotations;
using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.Manage.Partnerships;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CjpPortal.Web.Pages.National.Partnerships;

/// <summary>Renames a partnership. The slug, and so every address of the partnership, stays as it is, so links
/// people have saved keep working. History records the old and new name.</summary>
public class NameModel(AppDbContext db, TimeProvider clock, PublicCache cache, NationalLinks links) : PageModel
{
    public const int NameMaxLength = 200;

    public string CurrentName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;

    /// <summary>What the other person saved, when this save was refused because the form was out of date.</summary>
    public IReadOnlyList<string> Conflicts { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Enter the partnership’s name")]
    [StringLength(NameMaxLength, ErrorMessage = "The name must be {1} characters or fewer")]
    public string? Name { get; set; }

    /// <summary>The row version (xmin) the form was filled from.</summary>
    [BindProperty]
    public uint Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await LoadAsync(slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        Name = partnership.Name;
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

        await ValidateAsync(partnership.Id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        if (!db.ExpectVersion(partnership, Version))
        {
            return Conflict(partnership.Name, db.VersionOf(partnership));
        }

        var oldName = partnership.Name;
        partnership.Name = Name!;
        try
        {
            await db.SaveChangesAuditedAsync(FormPages.Actor(User), clock, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between loading the row and saving it: show their name, not ours.
            db.ChangeTracker.Clear();
            var current = await LoadAsync(slug, cancellationToken);
            return current is null ? NotFound() : Conflict(current.Name, db.VersionOf(current));
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ConstraintNames.PartnershipName })
        {
            // Another partnership took the name after the check above.
            db.ChangeTracker.Clear();
            CurrentName = oldName;
            ModelState.AddModelError(nameof(Name), TakenMessage(Name!));
            return FormPages.Invalid(this);
        }

        if (oldName != partnership.Name)
        {
            await PartnershipPages.PublishedAsync(cache, cancellationToken);
        }

        TempData[FormPages.BannerKey] = oldName == partnership.Name
            ? "The name was not changed."
            : $"The partnership has been renamed to {partnership.Name}.";
        return LocalRedirect(links.Partnership(slug));
    }

    private async Task<Partnership?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (partnership is not null)
        {
            (CurrentName, Slug) = (partnership.Name, partnership.Slug);
        }

        return partnership;
    }

    /// <summary>A name no other partnership has, in any letter case; whether it is given and short enough is on
    /// the property.</summary>
    private async Task ValidateAsync(int partnershipId, CancellationToken cancellationToken)
    {
        if (ModelState.GetFieldValidationState(nameof(Name)) != ModelValidationState.Invalid)
        {
            // There are only 30 partnerships; comparing here keeps "Fife" and "FIFE" the same name in every culture.
            var others = await db.Partnerships.AsNoTracking()
                .Where(p => p.Id != partnershipId)
                .Select(p => p.Name)
                .ToListAsync(cancellationToken);
            var taken = others.FirstOrDefault(other => string.Equals(other, Name, StringComparison.OrdinalIgnoreCase));
            if (taken is not null)
            {
                ModelState.AddModelError(nameof(Name), TakenMessage(taken));
            }
        }
    }

    private static string TakenMessage(string name) =>
        $"Another partnership is already called “{name}”. Enter a different name";

    /// <summary>Refuses a save from an out-of-date form: shows the name saved now, and refills the form's version so
    /// the user can save again once they have checked.</summary>
    private IActionResult Conflict(string currentName, uint currentVersion)
    {
        var conflicts = new ConflictList();
        conflicts.Compare("The name", currentName, Name);
        Conflicts = conflicts;
        CurrentName = currentName;
        Version = currentVersion;
        return FormPages.RefuseStale(this, "Someone else changed this partnership after you opened this page, so the new name has not been saved. Check the name saved now below, then save again if yours should replace it.");
    }
}

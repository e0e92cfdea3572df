using System.ComponentModel.DataAnnotations;
using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Tsis;

/// <summary>The Third Sector Interface of one council area the partnership covers; created on first save if the
/// area has none. A save from a form opened before someone else's save is merged field by field: fields this person
/// left alone take the saved value, and only fields both changed are refused (409).</summary>
public class EditModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PageModel
{

    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public string AreaName { get; private set; } = string.Empty;
    public IReadOnlyList<string> Conflicts { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Enter the name of the Third Sector Interface")]
    [StringLength(ThirdSectorInterface.NameMaxLength, ErrorMessage = "The name must be {1} characters or fewer")]
    public string? Name { get; set; }

    [BindProperty]
    [HttpsUrl(MaxLength = ThirdSectorInterface.WebsiteMaxLength)]
    public string? Website { get; set; }

    [BindProperty]
    [PlainEmail]
    public string? Email { get; set; }

    [BindProperty]
    [UkPhone(MaxLength = ThirdSectorInterface.PhoneMaxLength)]
    public string? Phone { get; set; }

    /// <summary>The row version (xmin) the form was filled from; 0 when the area had no Third Sector Interface.</summary>
    [BindProperty]
    public uint Version { get; set; }

    /// <summary>The values the form was filled from (<see cref="FormOriginals"/>); empty when the area had none.</summary>
    [BindProperty]
    public Dictionary<string, string?> Original { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, int areaId, CancellationToken cancellationToken)
    {
        var area = await FindAsync(slug, areaId, cancellationToken);
        if (area is null)
        {
            return NotFound();
        }

        if (area.ThirdSectorInterface is { } tsi)
        {
            (Name, Website, Email, Phone) = (tsi.Name, tsi.Website, tsi.Email, tsi.Phone);
            Version = db.VersionOf(tsi);
            Remember(tsi);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int areaId, CancellationToken cancellationToken)
    {
        var area = await FindAsync(slug, areaId, cancellationToken);
        if (area is null)
        {
            return NotFound();
        }

        Email = EmailAddress.Normalise(Email);
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var tsi = area.ThirdSectorInterface;
        if (tsi is null ? Version != 0 : !db.ExpectVersion(tsi, Version))
        {
            if (tsi is null || Merge(tsi) is { Count: > 0 })
            {
                return RefuseStale(tsi);
            }

            db.ExpectVersion(tsi, db.VersionOf(tsi));
        }

        if (tsi is null)
        {
            tsi = new ThirdSectorInterface { CouncilArea = area, Name = Name! };
            db.ThirdSectorInterfaces.Add(tsi);
        }

        (tsi.Name, tsi.Website, tsi.Email, tsi.Phone) = (Name!, Website, Email, Phone);
        try
        {
            await db.SaveChangesAuditedAsync(FormPages.Actor(User), clock, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException
            || exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: ConstraintNames.ThirdSectorInterfaceCouncilArea })
        {
            // Someone else saved (or first created) this area's Third Sector Interface meanwhile.
            db.ChangeTracker.Clear();
            var current = await FindAsync(slug, areaId, cancellationToken);
            return current is null ? NotFound() : RefuseStale(current.ThirdSectorInterface);
        }

        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        TempData[FormPages.BannerKey] = $"The Third Sector Interface for {AreaName} has been saved.";
        return LocalRedirect(links.Tsis(slug));
    }

    private async Task<CouncilArea?> FindAsync(string slug, int areaId, CancellationToken cancellationToken)
    {
        var area = await db.CouncilAreas
            .Include(a => a.Partnership)
            .Include(a => a.ThirdSectorInterface)
            .SingleOrDefaultAsync(a => a.Id == areaId && a.Partnership.Slug == slug, cancellationToken);
        if (area is not null)
        {
            (PartnershipName, Slug, AreaName) = (area.Partnership.Name, area.Partnership.Slug, area.Name);
        }

        return area;
    }

    /// <summary>Takes the stored value of each field this form left alone and lists the fields both people changed
    /// (<see cref="ConflictList.Merge"/>).</summary>
    private ConflictList Merge(ThirdSectorInterface current)
    {
        var conflicts = new ConflictList();
        Name = conflicts.Merge("Name", Original, nameof(Name), current.Name, Name);
        Website = conflicts.Merge("Website", Original, nameof(Website), current.Website, Website);
        Email = conflicts.Merge("Email", Original, nameof(Email), current.Email, Email);
        Phone = conflicts.Merge("Telephone", Original, nameof(Phone), current.Phone, Phone);
        return conflicts;
    }

    private void Remember(ThirdSectorInterface? tsi)
    {
        Original = [];
        if (tsi is not null)
        {
            Original.Remember(nameof(Name), tsi.Name);
            Original.Remember(nameof(Website), tsi.Website);
            Original.Remember(nameof(Email), tsi.Email);
            Original.Remember(nameof(Phone), tsi.Phone);
        }
    }

    /// <summary>Refuses a save from an out-of-date form (409) with the fields both people changed; the other fields
    /// show what is stored, and the form now carries the stored version.</summary>
    private IActionResult RefuseStale(ThirdSectorInterface? current)
    {
        ConflictList conflicts;
        if (current is null)
        {
            conflicts = [];
            conflicts.Add("The Third Sector Interface has been removed");
        }
        else
        {
            conflicts = Merge(current);
        }

        Conflicts = conflicts;
        Version = current is null ? 0 : db.VersionOf(current);
        Remember(current);
        ModelState.Clear();
        return FormPages.RefuseStale(this, FormPages.StaleMessage("this Third Sector Interface"));
    }
}

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
/// area has none. A save from a form opened before someone else's save is refused.</summary>
public class EditModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PageModel
{
    public const int NameMaxLength = 200;
    public const int WebsiteMaxLength = 500;
    public const int PhoneMaxLength = 40;

    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public string AreaName { get; private set; } = string.Empty;
    public IReadOnlyList<string> Conflicts { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Enter the name of the Third Sector Interface")]
    [StringLength(NameMaxLength, ErrorMessage = "The name must be {1} characters or fewer")]
    public string? Name { get; set; }

    [BindProperty]
    [HttpsUrl(MaxLength = WebsiteMaxLength)]
    public string? Website { get; set; }

    [BindProperty]
    [PlainEmail]
    public string? Email { get; set; }

    [BindProperty]
    [UkPhone(MaxLength = PhoneMaxLength)]
    public string? Phone { get; set; }

    /// <summary>The row version (xmin) the form was filled from; 0 when the area had no Third Sector Interface.</summary>
    [BindProperty]
    public uint Version { get; set; }

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
            return RefuseStale(tsi);
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

    private IActionResult RefuseStale(ThirdSectorInterface? current)
    {
        var conflicts = new ConflictList();

        conflicts.Compare("Name", current?.Name, Name);
        conflicts.Compare("Website", current?.Website, Website);
        conflicts.Compare("Email", current?.Email, Email);
        conflicts.Compare("Telephone", current?.Phone, Phone);
        Conflicts = conflicts;
        Version = current is null ? 0 : db.VersionOf(current);
        return FormPages.RefuseStale(this, FormPages.StaleMessage("this Third Sector Interface"));
    }
}

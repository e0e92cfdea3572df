using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Tsis;

/// <summary>The Third Sector Interface of one council area the partnership covers; created on first save if the
/// area has none. A save from a form opened before someone else's save is refused.</summary>
public class EditModel(AppDbContext db, TimeProvider clock, PublicCache cache) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public string AreaName { get; private set; } = string.Empty;
    public IReadOnlyList<string> Conflicts { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Website { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
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

        Validate();
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
        return LocalRedirect($"/manage/partnerships/{slug}/tsis");
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

    private void Validate()
    {
        Name = FormPages.Trimmed(Name);
        Website = FormPages.Trimmed(Website);
        Email = EmailAddress.Normalise(Email);
        Phone = FormPages.Trimmed(Phone);
        if (Name is null)
        {
            ModelState.AddModelError(nameof(Name), "Enter the name of the Third Sector Interface");
        }
        else if (Name.Length > 200)
        {
            ModelState.AddModelError(nameof(Name), "The name must be 200 characters or fewer");
        }

        if (Website is not null && (Website.Length > 500 || !FormPages.IsHttpsUrl(Website)))
        {
            ModelState.AddModelError(nameof(Website), "Enter the website as a full address starting with https://, like https://www.example.org");
        }

        if (Email is not null && !EmailAddress.IsValid(Email))
        {
            ModelState.AddModelError(nameof(Email), EmailAddress.FormatMessage);
        }

        if (Phone is not null && (Phone.Length > 40 || !UkPhone.IsValid(Phone)))
        {
            ModelState.AddModelError(nameof(Phone), "Enter a UK telephone number, like 01324 506000 or +44 7700 900123");
        }
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

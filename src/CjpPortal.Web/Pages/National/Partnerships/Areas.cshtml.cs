using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.Manage.Partnerships;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.National.Partnerships;

/// <summary>The council areas a partnership covers, and moving an area to it from the partnership that covers it
/// now. The area's Third Sector Interface belongs to the area, so it moves too. Every area always belongs to exactly
/// one partnership, so taking an area away means adding it to another partnership, and a partnership may not be left
/// with none.</summary>
public class AreasModel(AppDbContext db, TimeProvider clock, PublicCache cache, NationalLinks links) : PageModel
{
    public const string MovedByOthersMessage =
        "Council areas have been moved by someone else since you opened this page. Check the list below and try again.";

    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;

    /// <summary>The areas this partnership covers now, by name.</summary>
    public IReadOnlyList<Area> Covered { get; private set; } = [];

    /// <summary>Every other area, grouped by the partnership that covers it now, both by name.</summary>
    public IReadOnlyList<IGrouping<string, Area>> Others { get; private set; } = [];

    /// <summary><see cref="Others"/> as the select's options, a group for each partnership.</summary>
    public IEnumerable<SelectListItem> OtherItems => Others.SelectMany(group =>
    {
        var optgroup = new SelectListGroup { Name = $"Now in {group.Key}" };
        return group.Select(area => new SelectListItem(area.Name, area.Id.ToString(CultureInfo.InvariantCulture)) { Group = optgroup });
    });

    /// <summary>The area chosen to move to this partnership.</summary>
    [BindProperty]
    public int? AreaId { get; set; }

    /// <summary>The fingerprint of which partnership covered which area when the form was shown.</summary>
    [BindProperty]
    public string? AreasVersion { get; set; }

    public sealed record Area(int Id, string Name, int PartnershipId, string PartnershipName, string? TsiName);

    private int partnershipId;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await FindPartnershipAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        await LoadAreasAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await FindPartnershipAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var submittedVersion = AreasVersion;
        if (AreaId is null)
        {
            await LoadAreasAsync(cancellationToken);
            ModelState.AddModelError(nameof(AreaId), "Choose a council area");
            return FormPages.Invalid(this);
        }

        // Lock every area row until the move commits, so two moves cannot both pass the checks below on the same
        // mapping and leave a partnership with no areas.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT id FROM council_areas FOR UPDATE", cancellationToken);
        var areas = await LoadAreasAsync(cancellationToken);
        if (submittedVersion != AreasVersion)
        {
            ModelState.AddModelError(string.Empty, MovedByOthersMessage);
            return FormPages.Invalid(this, StatusCodes.Status409Conflict);
        }

        var area = areas.FirstOrDefault(a => a.Id == AreaId);
        var losingAreas = area is null ? [] : areas.Where(a => a.PartnershipId == area.PartnershipId).ToList();
        if (area is null)
        {
            ModelState.AddModelError(nameof(AreaId), "Choose one of the council areas in the list");
        }
        else if (area.PartnershipId == partnershipId)
        {
            ModelState.AddModelError(nameof(AreaId), $"{area.Name} is already covered by {PartnershipName}");
        }
        else if (losingAreas.Count == 1)
        {
            ModelState.AddModelError(nameof(AreaId), $"{area.PartnershipName} would cover no council areas. A partnership must cover at least one.");
        }

        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var moved = await db.CouncilAreas.SingleAsync(a => a.Id == area!.Id, cancellationToken);
        moved.PartnershipId = partnershipId;
        var gainingBefore = Covered.Select(a => a.Name).ToList();
        var losingBefore = losingAreas.Select(a => a.Name).ToList();
        AddHistory(partnershipId, gainingBefore, [.. gainingBefore, area!.Name]);
        AddHistory(area.PartnershipId, losingBefore, [.. losingBefore.Where(name => name != area.Name)]);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        TempData[FormPages.BannerKey] =
            $"{area.Name} now belongs to {PartnershipName}, with its Third Sector Interface. {area.PartnershipName} now covers {NationalPartnershipPages.AreaList(losingBefore.Where(name => name != area.Name))}.";
        return LocalRedirect(links.PartnershipAreas(slug));
    }

    private async Task<bool> FindPartnershipAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        if (partnership is null)
        {
            return false;
        }

        (partnershipId, PartnershipName, Slug) = (partnership.Id, partnership.Name, partnership.Slug);
        return true;
    }

    /// <summary>Reads where every area is now, fills the page's lists and sets <see cref="AreasVersion"/> to match.</summary>
    private async Task<List<Area>> LoadAreasAsync(CancellationToken cancellationToken)
    {
        var areas = await db.CouncilAreas.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new Area(a.Id, a.Name, a.PartnershipId, a.Partnership.Name, a.ThirdSectorInterface == null ? null : a.ThirdSectorInterface.Name))
            .ToListAsync(cancellationToken);
        Covered = [.. areas.Where(a => a.PartnershipId == partnershipId)];
        Others = [.. areas.Where(a => a.PartnershipId != partnershipId).GroupBy(a => a.PartnershipName).OrderBy(g => g.Key, StringComparer.Ordinal)];
        AreasVersion = NationalPartnershipPages.Fingerprint(areas.Select(a => (a.Id, a.PartnershipId)));
        return areas;
    }

    private void AddHistory(int id, IEnumerable<string> before, IEnumerable<string> after)
    {
        var actor = FormPages.Actor(User);
        db.AuditEntries.Add(AuditEntries.For(actor, clock).Entry(id, HistoryCatalogue.Partnership.Entity, id, HistoryCatalogue.CouncilAreasField,
            NationalPartnershipPages.AreaList(before), NationalPartnershipPages.AreaList(after)));
    }
}

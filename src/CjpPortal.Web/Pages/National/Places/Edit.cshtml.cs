using CjpPortal.Core;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.National.Places;

/// <summary>Corrects a place's name or council area.</summary>
public class EditModel(AppDbContext db, PublicCache cache, NationalLinks links) : PlaceFormModel(db, cache)
{
    public string CurrentName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int placeId, CancellationToken cancellationToken)
    {
        var place = await LoadAsync(placeId, cancellationToken);
        if (place is null)
        {
            return NotFound();
        }

        Name = place.Name;
        CouncilAreaId = place.CouncilAreaId;
        await LoadAreasAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int placeId, CancellationToken cancellationToken)
    {
        var place = await LoadAsync(placeId, cancellationToken);
        if (place is null)
        {
            return NotFound();
        }

        if (await SaveAsync(place, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        TempData[FormPages.BannerKey] = $"{place.Name} has been saved. The public search uses the change now.";
        return LocalRedirect(links.Places());
    }

    private async Task<Place?> LoadAsync(int placeId, CancellationToken cancellationToken)
    {
        var place = await Db.Places.SingleOrDefaultAsync(p => p.Id == placeId, cancellationToken);
        CurrentName = place?.Name ?? string.Empty;
        return place;
    }
}

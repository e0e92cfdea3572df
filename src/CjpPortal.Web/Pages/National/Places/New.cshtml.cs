using CjpPortal.Core;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CjpPortal.Web.Pages.National.Places;

/// <summary>Adds a place /find should know.</summary>
public class NewModel(AppDbContext db, PublicCache cache, NationalLinks links) : PlaceFormModel(db, cache)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAreasAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var place = new Place { Name = string.Empty };
        Db.Places.Add(place);
        if (await SaveAsync(place, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        TempData[FormPages.BannerKey] = $"{place.Name} has been added. The public search finds it now.";
        return LocalRedirect(links.Places());
    }
}

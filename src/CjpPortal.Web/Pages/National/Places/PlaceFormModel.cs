using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CjpPortal.Web.Pages.National.Places;

/// <summary>The form that adds or corrects a place /find knows (New and Edit): a name, once per council area in any
/// letter case, and the council area it lies in. A name in two areas (Tarbert) is two places.</summary>
public abstract class PlaceFormModel(AppDbContext db, PublicCache cache) : PageModel
{
    protected AppDbContext Db => db;

    [BindProperty]
    [Required(ErrorMessage = "Enter the place’s name")]
    [StringLength(Place.NameMaxLength, ErrorMessage = "The name must be {1} characters or fewer")]
    public string? Name { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose the council area the place is in")]
    public int? CouncilAreaId { get; set; }

    public IReadOnlyList<SelectListItem> AreaItems { get; private set; } = [];

    protected async Task LoadAreasAsync(CancellationToken cancellationToken)
    {
        var areas = await db.CouncilAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        AreaItems = [.. areas.Select(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture)))];
    }

    /// <summary>Checks the form and saves <paramref name="place"/> with its values; null when saved, otherwise the
    /// page to show (400 with the errors).</summary>
    protected async Task<IActionResult?> SaveAsync(Place place, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        await LoadAreasAsync(cancellationToken);
        var areaName = await ValidateAsync(place.Id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        place.Name = Name!;
        place.CouncilAreaId = CouncilAreaId!.Value;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ConstraintNames.PlaceName })
        {
            // Someone added the same place after the check below.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(Name), TakenMessage(areaName!, Name!));
            return FormPages.Invalid(this);
        }

        // Search results, and the cached /find pages, change with the places.
        await cache.EvictAsync(cancellationToken);
        return null;
    }

    /// <summary>The chosen area exists and has no other place of this name; returns the area's name.</summary>
    private async Task<string?> ValidateAsync(int placeId, CancellationToken cancellationToken)
    {
        string? areaName = null;
        if (CouncilAreaId is { } areaId)
        {
            areaName = await db.CouncilAreas.Where(a => a.Id == areaId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
            if (areaName is null)
            {
                ModelState.AddModelError(nameof(CouncilAreaId), "Choose the council area the place is in");
            }
        }

        if (areaName is not null && ModelState.GetFieldValidationState(nameof(Name)) != ModelValidationState.Invalid)
        {
            // The column's collation ignores case, so this finds "PAISLEY" for "Paisley".
            var taken = await db.Places.AsNoTracking()
                .Where(p => p.CouncilAreaId == CouncilAreaId && p.Id != placeId && p.Name == Name)
                .Select(p => p.Name)
                .FirstOrDefaultAsync(cancellationToken);
            if (taken is not null)
            {
                ModelState.AddModelError(nameof(Name), TakenMessage(areaName, taken));
            }
        }

        return areaName;
    }

    private static string TakenMessage(string areaName, string name) =>
        $"{areaName} already has a place called {name}. Enter a different name, or choose another council area";
}

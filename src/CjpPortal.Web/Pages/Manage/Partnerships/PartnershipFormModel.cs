using CjpPortal.Core;
using CjpPortal.Core.Configurations;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>What the add and edit forms for a partnership's records share: the partnership named in the URL, the row
/// version (xmin) the form carries, the list shown when a save is refused as out of date, and the way back to the
/// list after a save.</summary>
public abstract class PartnershipFormModel(AppDbContext db, ManageLinks links) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    protected int PartnershipId { get; private set; }

    protected AppDbContext Db => db;

    protected ManageLinks Links => links;

    /// <summary>What the other person saved, when this save was refused because the form was out of date.</summary>
    public IReadOnlyList<string> Conflicts { get; private set; } = [];

    /// <summary>The row version (xmin) the form was filled from; 0 for a new record.</summary>
    [BindProperty]
    public uint Version { get; set; }

    protected async Task<bool> LoadPartnershipAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        if (partnership is null)
        {
            return false;
        }

        (PartnershipId, PartnershipName, Slug) = (partnership.Id, partnership.Name, partnership.Slug);
        return true;
    }

    /// <summary>Post/redirect/get: back to <paramref name="list"/> (one of <see cref="Links"/>) with a banner.</summary>
    protected IActionResult SavedRedirect(Func<string, string> list, string message)
    {
        ArgumentNullException.ThrowIfNull(list);
        TempData[FormPages.BannerKey] = message;
        return LocalRedirect(list(Slug));
    }

    /// <summary>Refuses a save from an out-of-date form (409), listing what is stored now and taking the stored
    /// version, so saving again from the re-rendered form replaces it on purpose.</summary>
    protected IActionResult RefuseStale<TEntity>(TEntity current, ConflictList conflicts, string what)
        where TEntity : class
    {
        Conflicts = conflicts;
        Version = db.VersionOf(current);
        return FormPages.RefuseStale(this, FormPages.StaleMessage(what));
    }
}

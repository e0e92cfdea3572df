using CjpPortal.Core;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Updates;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Updates;

/// <summary>Asks for confirmation, then deletes a draft. A published update cannot be deleted here: it may have been
/// e-mailed and linked to, so it is corrected instead. Deleting from a page opened before someone else saved or
/// published the draft is refused (409), showing it as it is now.</summary>
public class DeleteModel(AppDbContext db, UpdateService updates, ManageLinks manage, NationalLinks national) : UpdatePageModel(db, manage, national)
{
    public override string Heading => $"Delete the draft “{Update.Title}”";

    public ForumUpdate Update { get; private set; } = null!;

    /// <summary>The row version (xmin) of the draft the confirmation showed.</summary>
    [BindProperty]
    public uint Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string? slug, int id, CancellationToken cancellationToken)
    {
        var update = await FindAsync(slug, id, cancellationToken);
        if (update is null || update.IsPublished)
        {
            return NotFound();
        }

        Update = update;
        Version = Db.VersionOf(update);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, int id, CancellationToken cancellationToken)
    {
        var update = await FindAsync(slug, id, cancellationToken);
        if (update is null)
        {
            return NotFound();
        }

        if (!Db.ExpectVersion(update, Version))
        {
            return Stale(update);
        }

        try
        {
            if (!await updates.DeleteDraftAsync(update, FormPages.Actor(User), cancellationToken))
            {
                return NotFound();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            var current = await FindAsync(slug, id, cancellationToken);
            return current is null ? NotFound() : Stale(current);
        }

        TempData[FormPages.BannerKey] = $"The draft “{update.Title}” has been deleted.";
        return LocalRedirect(ListLink);
    }

    /// <summary>Refuses to delete a draft that changed after the confirmation was opened (409); a draft published
    /// meanwhile cannot be deleted at all, so the page then offers no button.</summary>
    private IActionResult Stale(ForumUpdate current)
    {
        (Update, Version) = (current, Db.VersionOf(current));
        return FormPages.RefuseStale(this, current.IsPublished
            ? "Someone else published this update after you opened this page, so it has not been deleted. A published update can be corrected but not deleted."
            : "Someone else saved changes to this draft after you opened this page, so it has not been deleted. Check it below, then delete it if you still want to.");
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Updates;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Updates;

/// <summary>The update as the public will see it; for a draft, the confirmation to publish it (which tells
/// subscribers). Publishing from a preview opened before someone else saved the draft is refused (409) and shows the
/// draft as it is now, so nobody publishes text they have not seen.</summary>
public class PreviewModel(AppDbContext db, UpdateService updates, PublicCache cache, ManageLinks manage, NationalLinks national) : UpdatePageModel(db, manage, national)
{
    public override string Heading => Update.IsPublished ? Update.Title : $"Preview: {Update.Title}";

    public ForumUpdate Update { get; private set; } = null!;

    /// <summary>The row version (xmin) of the draft the preview showed.</summary>
    [BindProperty]
    public uint Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string? slug, int id, CancellationToken cancellationToken)
    {
        var update = await FindAsync(slug, id, cancellationToken);
        if (update is null)
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

        Update = update;
        if (update.Kind == UpdateKind.Meeting && update.StartsAt <= updates.Now)
        {
            ModelState.AddModelError(string.Empty, "The meeting has already started. Change its date and time before publishing it.");
            return FormPages.Invalid(this);
        }

        if (!Db.ExpectVersion(update, Version))
        {
            return Stale(update);
        }

        try
        {
            if (!await updates.PublishAsync(update, FormPages.Actor(User), cancellationToken))
            {
                ModelState.AddModelError(string.Empty, "This update has already been published.");
                return FormPages.Invalid(this);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between loading and publishing: the transaction has rolled back, nothing is sent.
            Db.ChangeTracker.Clear();
            var current = await FindAsync(slug, id, cancellationToken);
            return current is null ? NotFound() : Stale(current);
        }

        await cache.EvictAsync(cancellationToken);
        TempData[FormPages.BannerKey] = $"“{update.Title}” has been published.";
        return LocalRedirect(ListLink);
    }

    /// <summary>Refuses to publish a draft that changed after the preview was opened (409), showing it as it is now.</summary>
    private IActionResult Stale(ForumUpdate current)
    {
        (Update, Version) = (current, Db.VersionOf(current));
        return FormPages.RefuseStale(this, current.IsPublished
            ? "Someone else published this update after you opened this page."
            : "Someone else saved changes to this draft after you opened this page, so it has not been published. Check the preview below, then publish it if it is right.");
    }
}

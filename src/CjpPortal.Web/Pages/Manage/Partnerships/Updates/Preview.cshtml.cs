using CjpPortal.Core;
using CjpPortal.Core.Updates;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Updates;

/// <summary>The update as the public will see it; for a draft, the confirmation to publish it (which tells
/// subscribers).</summary>
public class PreviewModel(AppDbContext db, UpdateService updates, PublicCache cache, ManageLinks manage, NationalLinks national) : UpdatePageModel(db, manage, national)
{
    public override string Heading => Update.IsPublished ? Update.Title : $"Preview: {Update.Title}";

    public ForumUpdate Update { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? slug, int id, CancellationToken cancellationToken)
    {
        var update = await FindAsync(slug, id, cancellationToken);
        if (update is null)
        {
            return NotFound();
        }

        Update = update;
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

        if (!await updates.PublishAsync(update, FormPages.Actor(User), cancellationToken))
        {
            ModelState.AddModelError(string.Empty, "This update has already been published.");
            return FormPages.Invalid(this);
        }

        await cache.EvictAsync(cancellationToken);
        TempData[FormPages.BannerKey] = $"“{update.Title}” has been published.";
        return LocalRedirect(ListLink);
    }
}

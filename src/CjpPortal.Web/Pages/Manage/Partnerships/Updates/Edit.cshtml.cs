using CjpPortal.Core;
using CjpPortal.Core.Updates;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Updates;

/// <summary>Edits a draft, or corrects a published update: a correction is marked as such on the public page and is
/// sent to subscribers again only when <see cref="SendCorrection"/> is ticked.</summary>
public class EditModel(AppDbContext db, UpdateService updates, PublicCache cache, ManageLinks manage, NationalLinks national) : UpdateFormModel(db, manage, national)
{
    public override string Heading => IsPublished ? "Correct a published update" : "Edit a draft";

    public int Id { get; private set; }

    public bool IsPublished { get; private set; }

    [BindProperty]
    public bool SendCorrection { get; set; }

    public async Task<IActionResult> OnGetAsync(string? slug, int id, CancellationToken cancellationToken)
    {
        var update = await LoadAsync(slug, id, cancellationToken);
        if (update is null)
        {
            return NotFound();
        }

        Fill(update);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, int id, CancellationToken cancellationToken)
    {
        var update = await LoadAsync(slug, id, cancellationToken);
        if (update is null)
        {
            return NotFound();
        }

        Validate(updates.Now, update.StartsAt);
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        Apply(update);
        var actor = FormPages.Actor(User);
        if (update.IsPublished)
        {
            await updates.CorrectAsync(update, SendCorrection, actor, cancellationToken);
            await cache.EvictAsync(cancellationToken);
            TempData[FormPages.BannerKey] = SendCorrection
                ? $"The correction to “{update.Title}” has been published and will be sent to subscribers."
                : $"The correction to “{update.Title}” has been published. It has not been sent to subscribers.";
        }
        else
        {
            await updates.SaveAsync(update, actor, cancellationToken);
            TempData[FormPages.BannerKey] = $"“{update.Title}” has been saved as a draft.";
        }

        return LocalRedirect(PreviewLink(update.Id));
    }

    private async Task<ForumUpdate?> LoadAsync(string? slug, int id, CancellationToken cancellationToken)
    {
        var update = await FindAsync(slug, id, cancellationToken);
        if (update is not null)
        {
            (Id, IsPublished) = (update.Id, update.IsPublished);
            await LoadRoutesAsync(cancellationToken);
        }

        return update;
    }
}

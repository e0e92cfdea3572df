using CjpPortal.Core;
using CjpPortal.Core.Updates;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Updates;

/// <summary>Asks for confirmation, then deletes a draft. A published update cannot be deleted here: it may have been
/// e-mailed and linked to, so it is corrected instead.</summary>
public class DeleteModel(AppDbContext db, UpdateService updates, ManageLinks manage, NationalLinks national) : UpdatePageModel(db, manage, national)
{
    public override string Heading => $"Delete the draft “{Update.Title}”";

    public ForumUpdate Update { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? slug, int id, CancellationToken cancellationToken)
    {
        var update = await FindAsync(slug, id, cancellationToken);
        if (update is null || update.IsPublished)
        {
            return NotFound();
        }

        Update = update;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, int id, CancellationToken cancellationToken)
    {
        var update = await FindAsync(slug, id, cancellationToken);
        if (update is null || !await updates.DeleteDraftAsync(update, FormPages.Actor(User), cancellationToken))
        {
            return NotFound();
        }

        TempData[FormPages.BannerKey] = $"The draft “{update.Title}” has been deleted.";
        return LocalRedirect(ListLink);
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Updates;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Updates;

/// <summary>Writes a new update or meeting as a draft; the preview page publishes it.</summary>
public class NewModel(AppDbContext db, UpdateService updates, ManageLinks manage, NationalLinks national) : UpdateFormModel(db, manage, national)
{
    public override string Heading => "Write an update or meeting";

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (!await LoadScopeAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        await LoadRoutesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken cancellationToken)
    {
        if (!await LoadScopeAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        await LoadRoutesAsync(cancellationToken);
        Validate(updates.Now, storedStart: null);
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var update = new ForumUpdate { PartnershipId = Scope.PartnershipId, Title = Title!, Body = Body! };
        Apply(update);
        await updates.SaveAsync(update, FormPages.Actor(User), cancellationToken);
        TempData[FormPages.BannerKey] = $"“{update.Title}” has been saved as a draft. Check it below, then publish it.";
        return LocalRedirect(PreviewLink(update.Id));
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Contacts;

/// <summary>Asks for confirmation, then removes a contact (its history stays). The fallback contact of a vacant
/// coordinator post cannot be removed until another is chosen; a fallback kept for a later vacancy is cleared.</summary>
public class RemoveModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public Contact Contact { get; private set; } = null!;

    /// <summary>True when the contact is the partnership's fallback contact (kept for a vacancy).</summary>
    public bool IsFallback { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken cancellationToken) =>
        await LoadAsync(slug, id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var partnership = await LoadAsync(slug, id, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        if (IsFallback && partnership.CoordinatorPostVacant)
        {
            ModelState.AddModelError(string.Empty, $"{Contact.Name} is the fallback contact while the coordinator post is vacant. Choose another fallback contact in the details before removing them.");
            return FormPages.Invalid(this);
        }

        if (IsFallback)
        {
            partnership.FallbackContactId = null;
        }

        db.Contacts.Remove(Contact);
        await db.SaveChangesAuditedAsync(FormPages.Actor(User), clock, cancellationToken);
        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        TempData[FormPages.BannerKey] = $"{Contact.Name} has been removed.";
        return LocalRedirect(links.Contacts(slug));
    }

    private async Task<Partnership?> LoadAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        var contact = partnership is null ? null
            : await db.Contacts.SingleOrDefaultAsync(c => c.Id == id && c.PartnershipId == partnership.Id, cancellationToken);
        if (partnership is null || contact is null)
        {
            return null;
        }

        (PartnershipName, Slug, Contact) = (partnership.Name, partnership.Slug, contact);
        IsFallback = partnership.FallbackContactId == contact.Id;
        return partnership;
    }
}

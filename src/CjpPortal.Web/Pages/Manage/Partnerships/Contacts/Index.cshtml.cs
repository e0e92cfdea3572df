using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Contacts;

/// <summary>A partnership's contacts in the order the public page shows them: move up or down, publish or hide,
/// remove, each a handler of its own. The fallback contact of a vacant coordinator post cannot be removed until another is chosen.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public IReadOnlyList<Item> Contacts { get; private set; } = [];

    public sealed record Item(int Id, string Name, string Role, bool IsCoordinator, bool IsPublished);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostMoveUpAsync(string slug, int contactId, CancellationToken cancellationToken) =>
        ChangeAsync(slug, contactId, (contacts, index, _) =>
        {
            if (index == 0)
            {
                return null;
            }

            (contacts[index - 1], contacts[index]) = (contacts[index], contacts[index - 1]);
            return $"{contacts[index - 1].Name} has been moved up.";
        }, cancellationToken);

    public Task<IActionResult> OnPostMoveDownAsync(string slug, int contactId, CancellationToken cancellationToken) =>
        ChangeAsync(slug, contactId, (contacts, index, _) =>
        {
            if (index == contacts.Count - 1)
            {
                return null;
            }

            (contacts[index + 1], contacts[index]) = (contacts[index], contacts[index + 1]);
            return $"{contacts[index + 1].Name} has been moved down.";
        }, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(string slug, int contactId, CancellationToken cancellationToken) =>
        ChangeAsync(slug, contactId, (contacts, index, _) =>
        {
            contacts[index].IsPublished = true;
            return $"{contacts[index].Name} is now shown on the public page.";
        }, cancellationToken);

    public Task<IActionResult> OnPostHideAsync(string slug, int contactId, CancellationToken cancellationToken) =>
        ChangeAsync(slug, contactId, (contacts, index, _) =>
        {
            contacts[index].IsPublished = false;
            return $"{contacts[index].Name} is now hidden from the public page.";
        }, cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(string slug, int contactId, CancellationToken cancellationToken)
    {
        string? refusal = null;
        var result = await ChangeAsync(slug, contactId, (contacts, index, partnership) =>
        {
            var contact = contacts[index];
            if (partnership.FallbackContactId == contact.Id && partnership.CoordinatorPostVacant)
            {
                refusal = $"{contact.Name} is the fallback contact while the coordinator post is vacant. Choose another fallback contact in the details before removing them.";
                return null;
            }

            if (partnership.FallbackContactId == contact.Id)
            {
                partnership.FallbackContactId = null;
            }

            db.Contacts.Remove(contact);
            contacts.RemoveAt(index);
            return $"{contact.Name} has been removed.";
        }, cancellationToken);
        if (refusal is null)
        {
            return result;
        }

        db.ChangeTracker.Clear();
        await LoadAsync(slug, cancellationToken);
        ModelState.AddModelError(string.Empty, refusal);
        return FormPages.Invalid(this);
    }

    /// <summary>Applies one change to the contact <paramref name="contactId"/> of the partnership in the URL, renumbers
    /// the positions and saves with history. <paramref name="change"/> returns the banner, or null when the change
    /// cannot be made (400).</summary>
    private async Task<IActionResult> ChangeAsync(string slug, int contactId, Func<List<Contact>, int, Partnership, string?> change, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        // Ordered as shown; positions are renumbered 1, 2, 3... so a move is always a swap with the neighbour.
        var contacts = await db.Contacts
            .Where(c => c.PartnershipId == partnership.Id)
            .OrderBy(c => c.DisplayOrder).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var index = contacts.FindIndex(c => c.Id == contactId);
        if (index < 0)
        {
            return NotFound();
        }

        var message = change(contacts, index, partnership);
        if (message is null)
        {
            return BadRequest();
        }

        for (var i = 0; i < contacts.Count; i++)
        {
            contacts[i].DisplayOrder = i + 1;
        }

        await db.SaveChangesAuditedAsync(FormPages.Actor(User), clock, cancellationToken);
        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        TempData[FormPages.BannerKey] = message;
        return LocalRedirect(links.Contacts(slug));
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        if (partnership is null)
        {
            return false;
        }

        (PartnershipName, Slug) = (partnership.Name, partnership.Slug);
        Contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.PartnershipId == partnership.Id)
            .OrderBy(c => c.DisplayOrder).ThenBy(c => c.Id)
            .Select(c => new Item(c.Id, c.Name, c.Role, c.IsCoordinator, c.IsPublished))
            .ToListAsync(cancellationToken);
        return true;
    }
}

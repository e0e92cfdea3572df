using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Contacts;

/// <summary>A partnership's contacts in the order the public page shows them: move up or down, publish or hide,
/// remove. The fallback contact of a vacant coordinator post cannot be removed until another is chosen.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock, PublicCache cache) : PageModel
{
    public const string MoveUp = "up";
    public const string MoveDown = "down";
    public const string Publish = "publish";
    public const string Hide = "hide";
    public const string Remove = "remove";

    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public IReadOnlyList<Item> Contacts { get; private set; } = [];

    public sealed record Item(int Id, string Name, string Role, bool IsCoordinator, bool IsPublished);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, int contactId, string? action, CancellationToken cancellationToken)
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

        var contact = contacts[index];
        string message;
        switch (action)
        {
            case MoveUp when index > 0:
                (contacts[index - 1], contacts[index]) = (contacts[index], contacts[index - 1]);
                message = $"{contact.Name} has been moved up.";
                break;
            case MoveDown when index < contacts.Count - 1:
                (contacts[index + 1], contacts[index]) = (contacts[index], contacts[index + 1]);
                message = $"{contact.Name} has been moved down.";
                break;
            case Publish:
                contact.IsPublished = true;
                message = $"{contact.Name} is now shown on the public page.";
                break;
            case Hide:
                contact.IsPublished = false;
                message = $"{contact.Name} is now hidden from the public page.";
                break;
            case Remove when partnership.FallbackContactId == contact.Id && partnership.CoordinatorPostVacant:
                db.ChangeTracker.Clear();
                await LoadAsync(slug, cancellationToken);
                ModelState.AddModelError(string.Empty,
                    $"{contact.Name} is the fallback contact while the coordinator post is vacant. Choose another fallback contact in the details before removing them.");
                return FormPages.Invalid(this);
            case Remove:
                if (partnership.FallbackContactId == contact.Id)
                {
                    partnership.FallbackContactId = null;
                }

                db.Contacts.Remove(contact);
                contacts.RemoveAt(index);
                message = $"{contact.Name} has been removed.";
                break;
            default:
                return BadRequest();
        }

        for (var i = 0; i < contacts.Count; i++)
        {
            contacts[i].DisplayOrder = i + 1;
        }

        await db.SaveChangesAuditedAsync(FormPages.Actor(User), clock, cancellationToken);
        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        TempData[FormPages.BannerKey] = message;
        return LocalRedirect($"/manage/partnerships/{slug}/contacts");
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

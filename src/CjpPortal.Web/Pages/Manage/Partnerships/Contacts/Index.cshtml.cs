using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Contacts;

/// <summary>A partnership's contacts in the order the public page shows them after the main contact: move up or
/// down, publish or hide, each a handler of its own; removing asks first (<see cref="RemoveModel"/>). A contact
/// without an e-mail address or telephone number cannot be published, and the fallback contact of a vacant
/// coordinator post cannot be hidden until another is chosen.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public IReadOnlyList<Item> Contacts { get; private set; } = [];

    public sealed record Item(int Id, string Name, string Role, bool IsCoordinator, bool IsPublished);

    public static string HidingFallbackMessage(string name) =>
        $"{name} is the fallback contact while the coordinator post is vacant. Choose another fallback contact in the details before hiding them.";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostMoveUpAsync(string slug, int contactId, CancellationToken cancellationToken) =>
        ChangeAsync(slug, contactId, (contacts, index, _) =>
        {
            if (index == 0)
            {
                return Change.Refused(null);
            }

            var moved = contacts[index];
            var wasBelow = contacts[index - 1].Name;
            (contacts[index - 1], contacts[index]) = (contacts[index], contacts[index - 1]);
            var nowBelow = index - 1 == 0 ? null : contacts[index - 2].Name;
            return Change.Move($"{moved.Name} has been moved up.", moved, wasBelow, nowBelow);
        }, cancellationToken);

    public Task<IActionResult> OnPostMoveDownAsync(string slug, int contactId, CancellationToken cancellationToken) =>
        ChangeAsync(slug, contactId, (contacts, index, _) =>
        {
            if (index == contacts.Count - 1)
            {
                return Change.Refused(null);
            }

            var moved = contacts[index];
            var wasBelow = index == 0 ? null : contacts[index - 1].Name;
            (contacts[index + 1], contacts[index]) = (contacts[index], contacts[index + 1]);
            return Change.Move($"{moved.Name} has been moved down.", moved, wasBelow, contacts[index].Name);
        }, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(string slug, int contactId, CancellationToken cancellationToken) =>
        ChangeAsync(slug, contactId, (contacts, index, _) =>
        {
            var contact = contacts[index];
            if (string.IsNullOrEmpty(contact.Email) && string.IsNullOrEmpty(contact.Phone))
            {
                return Change.Refused($"{contact.Name} cannot be shown on the public page without an email address or a telephone number. Edit the contact to add one first.");
            }

            contact.IsPublished = true;
            return Change.Done($"{contact.Name} is now shown on the public page.");
        }, cancellationToken);

    public Task<IActionResult> OnPostHideAsync(string slug, int contactId, CancellationToken cancellationToken) =>
        ChangeAsync(slug, contactId, (contacts, index, partnership) =>
        {
            var contact = contacts[index];
            if (partnership.CoordinatorPostVacant && partnership.FallbackContactId == contact.Id)
            {
                return Change.Refused(HidingFallbackMessage(contact.Name));
            }

            contact.IsPublished = false;
            return Change.Done($"{contact.Name} is now hidden from the public page.");
        }, cancellationToken);

    /// <summary>What a change did: the banner, or why it was refused (null: a move past either end, plain 400), and for a
    /// move the history line of the contact moved (where it was and where it is now).</summary>
    private sealed record Change(string? Banner, string? Refusal, Contact? Moved, string? From, string? To)
    {
        public static Change Done(string banner) => new(banner, null, null, null, null);

        public static Change Refused(string? refusal) => new(null, refusal, null, null, null);

        /// <summary>A move of <paramref name="moved"/>, recorded by the contact it was below and the one it is below
        /// now (null: at the top).</summary>
        public static Change Move(string banner, Contact moved, string? wasBelow, string? nowBelow) =>
            new(banner, null, moved, HistoryCatalogue.PlacementValue(wasBelow), HistoryCatalogue.PlacementValue(nowBelow));
    }

    /// <summary>Applies one change to the contact <paramref name="contactId"/> of the partnership in the URL, renumbers
    /// the positions and saves with history (a move as "moved below X" rather than position numbers).</summary>
    private async Task<IActionResult> ChangeAsync(string slug, int contactId, Func<List<Contact>, int, Partnership, Change> change, CancellationToken cancellationToken)
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

        var done = change(contacts, index, partnership);
        if (done.Banner is null)
        {
            if (done.Refusal is null)
            {
                return BadRequest();
            }

            db.ChangeTracker.Clear();
            await LoadAsync(slug, cancellationToken);
            ModelState.AddModelError(string.Empty, done.Refusal);
            return FormPages.Invalid(this);
        }

        for (var i = 0; i < contacts.Count; i++)
        {
            contacts[i].DisplayOrder = i + 1;
        }

        var actor = FormPages.Actor(User);
        if (done.Moved is { } moved)
        {
            db.AuditEntries.Add(AuditEntries.For(actor, clock).Entry(partnership.Id, HistoryCatalogue.Contact.Entity, moved.Id,
                HistoryCatalogue.PlacementField, done.From, done.To));
        }

        await db.SaveChangesAuditedAsync(actor, clock, cancellationToken);
        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        TempData[FormPages.BannerKey] = done.Banner;
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

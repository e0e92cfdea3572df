using CjpPortal.Core;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Contacts;

/// <summary>Edits one contact. A save from a form opened before someone else's save is refused.</summary>
public class EditModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : ContactFormModel(db, clock, cache, links)
{
    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var contact = await FindAsync(slug, id, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }

        Fill(contact);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var contact = await FindAsync(slug, id, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }

        Normalise();
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        if (!Db.ExpectVersion(contact, Version))
        {
            return RefuseStale(contact);
        }

        Apply(contact);
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            var current = await FindAsync(slug, id, cancellationToken);
            return current is null ? NotFound() : RefuseStale(current);
        }

        return SavedRedirect(Links.Contacts, $"{contact.Name} has been saved.");
    }

    private async Task<Contact?> FindAsync(string slug, int id, CancellationToken cancellationToken) =>
        await LoadPartnershipAsync(slug, cancellationToken)
            ? await Db.Contacts.SingleOrDefaultAsync(c => c.Id == id && c.PartnershipId == PartnershipId, cancellationToken)
            : null;
}

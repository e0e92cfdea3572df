using CjpPortal.Core;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Contacts;

/// <summary>Adds a contact at the end of the partnership's list.</summary>
public class NewModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : ContactFormModel(db, clock, cache, links)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadPartnershipAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Normalise();
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var last = await Db.Contacts.Where(c => c.PartnershipId == PartnershipId).MaxAsync(c => (int?)c.DisplayOrder, cancellationToken);
        var contact = new Contact { PartnershipId = PartnershipId, Name = Name!, Role = Role!, DisplayOrder = (last ?? 0) + 1 };
        Apply(contact);
        Db.Contacts.Add(contact);
        await SaveAsync(cancellationToken);
        return SavedRedirect(Links.Contacts, $"{contact.Name} has been added.");
    }
}

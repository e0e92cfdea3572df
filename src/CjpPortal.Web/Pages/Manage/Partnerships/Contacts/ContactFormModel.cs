using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Contacts;

/// <summary>The fields of a contact, shared by the add and edit pages: binding, validation and saving.</summary>
public abstract class ContactFormModel(AppDbContext db, TimeProvider clock, PublicCache cache) : PartnershipFormModel(db)
{

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public bool IsCoordinator { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public bool IsPublished { get; set; } = true;

    protected void Fill(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        Name = contact.Name;
        Role = contact.Role;
        IsCoordinator = contact.IsCoordinator;
        Email = contact.Email;
        Phone = contact.Phone;
        IsPublished = contact.IsPublished;
        Version = Db.VersionOf(contact);
    }

    protected void Validate()
    {
        Name = FormPages.Trimmed(Name);
        Role = FormPages.Trimmed(Role);
        Email = EmailAddress.Normalise(Email);
        Phone = FormPages.Trimmed(Phone);
        Required(nameof(Name), "Enter the contact’s name", "The name", Name, 200);
        Required(nameof(Role), "Enter the contact’s role or job title", "The role", Role, 200);
        if (Email is not null && !EmailAddress.IsValid(Email))
        {
            ModelState.AddModelError(nameof(Email), EmailAddress.FormatMessage);
        }

        if (Phone is not null && (Phone.Length > 40 || !UkPhone.IsValid(Phone)))
        {
            ModelState.AddModelError(nameof(Phone), "Enter a UK telephone number, like 01324 506000 or +44 7700 900123");
        }
    }

    protected void Apply(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        contact.Name = Name!;
        contact.Role = Role!;
        contact.IsCoordinator = IsCoordinator;
        contact.Email = Email;
        contact.Phone = Phone;
        contact.IsPublished = IsPublished;
    }

    protected async Task SaveAsync(CancellationToken cancellationToken)
    {
        await Db.SaveChangesAuditedAsync(FormPages.Actor(User), clock, cancellationToken);
        await PartnershipPages.PublishedAsync(cache, cancellationToken);
    }

    /// <summary>Lists where the stored contact differs from this form and refills the form's version.</summary>
    protected IActionResult RefuseStale(Contact current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var conflicts = new ConflictList();

        conflicts.Compare("Name", current.Name, Name);
        conflicts.Compare("Role", current.Role, Role);
        conflicts.Compare("Email", current.Email, Email);
        conflicts.Compare("Telephone", current.Phone, Phone);
        conflicts.Compare("Coordinator", AuditedSave.Format(current.IsCoordinator), AuditedSave.Format(IsCoordinator));
        conflicts.Compare("Published", AuditedSave.Format(current.IsPublished), AuditedSave.Format(IsPublished));
        return RefuseStale(current, conflicts, "this contact");
    }

    private void Required(string field, string missing, string label, string? value, int max)
    {
        if (value is null)
        {
            ModelState.AddModelError(field, missing);
        }
        else if (value.Length > max)
        {
            ModelState.AddModelError(field, $"{label} must be {max} characters or fewer");
        }
    }
}

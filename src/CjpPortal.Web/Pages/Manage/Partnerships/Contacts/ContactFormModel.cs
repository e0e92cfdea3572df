using System.ComponentModel.DataAnnotations;
using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Contacts;

/// <summary>The fields of a contact, shared by the add and edit pages: binding, validation and saving.</summary>
public abstract class ContactFormModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PartnershipFormModel(db, links)
{
    public const int NameMaxLength = 200;
    public const int RoleMaxLength = 200;
    public const int PhoneMaxLength = 40;

    [BindProperty]
    [Required(ErrorMessage = "Enter the contact’s name")]
    [StringLength(NameMaxLength, ErrorMessage = "The name must be {1} characters or fewer")]
    public string? Name { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the contact’s role or job title")]
    [StringLength(RoleMaxLength, ErrorMessage = "The role must be {1} characters or fewer")]
    public string? Role { get; set; }

    [BindProperty]
    public bool IsCoordinator { get; set; }

    [BindProperty]
    [PlainEmail]
    public string? Email { get; set; }

    [BindProperty]
    [UkPhone(MaxLength = PhoneMaxLength)]
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

    /// <summary>The address as it is stored (lower case); the fields' rules are their attributes.</summary>
    protected void Normalise() => Email = EmailAddress.Normalise(Email);

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
}

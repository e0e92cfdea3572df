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

    /// <summary>Why a contact shown on the public page needs an address or a number.</summary>
    public const string UnreachableMessage = "Enter an email address or a telephone number for a contact shown on the public page, or do not show this contact";

    [BindProperty]
    [Required(ErrorMessage = "Enter the contact’s name")]
    [StringLength(Contact.NameMaxLength, ErrorMessage = "The name must be {1} characters or fewer")]
    public string? Name { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the contact’s role or job title")]
    [StringLength(Contact.RoleMaxLength, ErrorMessage = "The role must be {1} characters or fewer")]
    public string? Role { get; set; }

    [BindProperty]
    public bool IsCoordinator { get; set; }

    [BindProperty]
    [PlainEmail]
    public string? Email { get; set; }

    [BindProperty]
    [UkPhone(MaxLength = Contact.PhoneMaxLength)]
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
        Remember(contact);
    }

    /// <summary>The form's version and the values it was filled from (<see cref="FormOriginals"/>).</summary>
    protected void Remember(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        Version = Db.VersionOf(contact);
        Original = [];
        Original.Remember(nameof(Name), contact.Name);
        Original.Remember(nameof(Role), contact.Role);
        Original.Remember(nameof(IsCoordinator), contact.IsCoordinator);
        Original.Remember(nameof(Email), contact.Email);
        Original.Remember(nameof(Phone), contact.Phone);
        Original.Remember(nameof(IsPublished), contact.IsPublished);
    }

    /// <summary>The address as it is stored (lower case); the fields' rules are their attributes, and a published
    /// contact must have a way to reach them.</summary>
    protected void Normalise()
    {
        Email = EmailAddress.Normalise(Email);
        Validate();
    }

    protected void Validate()
    {
        if (IsPublished && Email is null && Phone is null)
        {
            ModelState.AddModelError(nameof(Email), UnreachableMessage);
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

    /// <summary>Takes the stored value of each field this form left alone and lists the fields both people changed
    /// (<see cref="ConflictList.Merge"/>).</summary>
    protected ConflictList Merge(Contact current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var conflicts = new ConflictList();
        Name = conflicts.Merge("Name", Original, nameof(Name), current.Name, Name);
        Role = conflicts.Merge("Role", Original, nameof(Role), current.Role, Role);
        Email = conflicts.Merge("Email", Original, nameof(Email), current.Email, Email);
        Phone = conflicts.Merge("Telephone", Original, nameof(Phone), current.Phone, Phone);
        IsCoordinator = conflicts.Merge("Coordinator", Original, nameof(IsCoordinator), current.IsCoordinator, IsCoordinator);
        IsPublished = conflicts.Merge("Published", Original, nameof(IsPublished), current.IsPublished, IsPublished);
        return conflicts;
    }

    /// <summary>Refuses a save from an out-of-date form (409) with the fields both people changed; the others show
    /// what is stored.</summary>
    protected IActionResult RefuseStale(Contact current, ConflictList conflicts)
    {
        ArgumentNullException.ThrowIfNull(current);
        Remember(current);
        ModelState.Clear();
        return RefuseStale(current, conflicts, "this contact");
    }
}

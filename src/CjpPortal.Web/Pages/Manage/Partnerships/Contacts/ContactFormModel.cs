using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Contacts;

/// <summary>The fields of a contact, shared by the add and edit pages: binding, validation and saving.</summary>
public abstract class ContactFormModel(AppDbContext db, TimeProvider clock, PublicCache cache) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    protected int PartnershipId { get; private set; }

    protected AppDbContext Db => db;

    /// <summary>What the other person saved, when this save was refused because the form was out of date.</summary>
    public IReadOnlyList<string> Conflicts { get; protected set; } = [];

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

    /// <summary>The row version (xmin) the form was filled from; 0 for a new contact.</summary>
    [BindProperty]
    public uint Version { get; set; }

    protected async Task<bool> LoadPartnershipAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        if (partnership is null)
        {
            return false;
        }

        (PartnershipId, PartnershipName, Slug) = (partnership.Id, partnership.Name, partnership.Slug);
        return true;
    }

    protected void Fill(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        Name = contact.Name;
        Role = contact.Role;
        IsCoordinator = contact.IsCoordinator;
        Email = contact.Email;
        Phone = contact.Phone;
        IsPublished = contact.IsPublished;
        Version = db.Entry(contact).Property<uint>(ConcurrencyToken.PropertyName).CurrentValue;
    }

    protected void Validate()
    {
        Name = PartnershipPages.Trimmed(Name);
        Role = PartnershipPages.Trimmed(Role);
        Email = PartnershipPages.Trimmed(Email);
        Phone = PartnershipPages.Trimmed(Phone);
        Required(nameof(Name), "Enter the contact’s name", "The name", Name, 200);
        Required(nameof(Role), "Enter the contact’s role or job title", "The role", Role, 200);
        if (Email is not null && !PartnershipPages.IsEmail(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.org");
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
        await db.SaveChangesAuditedAsync(PartnershipPages.Actor(User), clock, cancellationToken);
        await PartnershipPages.PublishedAsync(cache, cancellationToken);
    }

    protected IActionResult SavedRedirect(string message)
    {
        TempData[PartnershipPages.BannerKey] = message;
        return LocalRedirect($"/manage/partnerships/{Slug}/contacts");
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
        Conflicts = conflicts;
        Version = db.Entry(current).Property<uint>(ConcurrencyToken.PropertyName).CurrentValue;
        ModelState.Remove(nameof(Version));
        ModelState.AddModelError(string.Empty,
            "Someone else saved changes to this contact after you opened this page, so your changes have not been saved. Check their changes below, then save again if yours should replace them.");
        return PartnershipPages.Invalid(this, StatusCodes.Status409Conflict);
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

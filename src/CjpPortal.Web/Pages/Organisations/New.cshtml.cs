using System.ComponentModel.DataAnnotations;
using CjpPortal.Core;
using CjpPortal.Core.Organisations;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Organisations;

/// <summary>A third-sector organisation adds itself, without an account. Nothing is public until its contact e-mail is
/// verified by link and a moderator approves it. Spam is held off by a honeypot field (a filled one is answered as
/// if it worked, and nothing is saved) and a limit of listings per contact address per day, counted in the database
/// so every instance shares it.</summary>
[AllowAnonymous]
public class NewModel(AppDbContext db, OrganisationListings listings, PortalLinks links) : OrganisationFormModel(db)
{
    public const string RateLimitMessage = "This email address has added several listings today. Try again tomorrow, or ask Community Justice Scotland for help";

    [BindProperty]
    [Required(ErrorMessage = "Enter a contact email address")]
    [StringLength(Organisation.EmailMaxLength, ErrorMessage = EmailAddress.FormatMessage)]
    [PlainEmail]
    public string? ContactEmail { get; set; }

    /// <summary>The honeypot: hidden from people (and from assistive technology), filled in by form-filling robots.</summary>
    [BindProperty(Name = "Fax")]
    public string? Honeypot { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Honeypot))
        {
            return RedirectToPage("Sent");
        }

        ContactEmail = EmailAddress.Normalise(ContactEmail);
        await ValidateAsync(null, cancellationToken);
        if (ModelState.IsValid && await listings.AddLimitReachedAsync(ContactEmail!, cancellationToken))
        {
            ModelState.AddModelError(nameof(ContactEmail), RateLimitMessage);
        }

        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(cancellationToken);
            return FormPages.Invalid(this);
        }

        var organisation = new Organisation { Name = Name!, ContactEmail = ContactEmail!, Description = Description! };
        Apply(organisation);
        try
        {
            await listings.AddAsync(organisation, links.BaseUri(Request), cancellationToken);
        }
        catch (DbUpdateException exception) when (RefusedForCharityNumber(exception))
        {
            await LoadChoicesAsync(cancellationToken);
            return FormPages.Invalid(this);
        }

        return RedirectToPage("Sent");
    }
}

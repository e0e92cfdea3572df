using System.ComponentModel.DataAnnotations;
using CjpPortal.Core.Organisations;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Validation;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Organisations;

/// <summary>A published listing with its services, and the form where its contact asks for an edit link. Not served
/// from the output cache: the form carries an antiforgery token.</summary>
[AllowAnonymous]
public class ShowModel(OrganisationQueries queries, OrganisationListings listings, PortalLinks links) : PageModel
{
    public const string EditLinkSent = "If that is the listing's contact email address, we have sent it a link to edit the listing. It works for 14 days.";

    public OrganisationView Organisation { get; private set; } = null!;

    [BindProperty]
    [Required(ErrorMessage = "Enter the listing's contact email address")]
    [PlainEmail]
    public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEditLinkAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        // The same answer whether or not the address is this listing's, so the form tells nobody who the contact is.
        await listings.SendEditLinksAsync(EmailAddress.Normalise(Email)!, links.BaseUri(Request), cancellationToken);
        TempData[FormPages.BannerKey] = EditLinkSent;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await queries.FindPublishedAsync(id, cancellationToken);
        if (organisation is null)
        {
            return false;
        }

        Organisation = organisation;
        return true;
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Organisations;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Organisations;

/// <summary>The link in the verification e-mail. Opening it shows a button and changes nothing (mail scanners open
/// links); pressing the button verifies the address and sends the listing to moderation. The link works once and for
/// <see cref="OrganisationLinks.VerifyLifetime"/>.</summary>
[AllowAnonymous]
public class VerifyModel(AppDbContext db, OrganisationLinks organisationLinks, OrganisationListings listings, PortalLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string OrganisationName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await FindAsync(id, cancellationToken);
        if (organisation is null)
        {
            return OwnerPages.LinkNotWorking(this);
        }

        OrganisationName = organisation.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await FindAsync(id, cancellationToken);
        if (organisation is null || !await listings.VerifyAsync(organisation, links.BaseUri(Request), cancellationToken))
        {
            return OwnerPages.LinkNotWorking(this);
        }

        return RedirectToPage("Confirmed");
    }

    private async Task<Organisation?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is { Status: OrganisationStatus.PendingVerification }
            && organisationLinks.IsValid(OrganisationLinks.VerifyPurpose, Token, organisation)
                ? organisation
                : null;
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Organisations;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Organisations;

/// <summary>The yearly confirmation, through the signed link e-mailed to the listing's verified contact (no account):
/// the listing as it stands, a "Yes, it is still right" button and a link to edit it. Confirming starts a new yearly
/// cycle and brings back a listing that was out of date or hidden.</summary>
[AllowAnonymous]
public class ConfirmModel(AppDbContext db, OrganisationLinks organisationLinks, OrganisationListings listings, ListingReviewClock review, PublicCache cache)
    : PageModel
{
    public const string ConfirmedBanner = "Thank you: the listing is confirmed as still right for another year.";

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public Organisation Organisation { get; private set; } = null!;

    public DateTimeOffset? LastConfirmed => ListingReview.LastConfirmed(Organisation.ConfirmedAt, Organisation.PublishedAt);

    public ListingFreshness Freshness { get; private set; }

    /// <summary>A fresh edit link: whoever holds the confirmation link has the verified contact's mail.</summary>
    public string EditPath => OrganisationLinks.EditPath(Organisation.Id, organisationLinks.EditToken(Organisation));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : OwnerPages.LinkNotWorking(this);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !await listings.ConfirmAsync(Organisation, cancellationToken))
        {
            return OwnerPages.LinkNotWorking(this);
        }

        await cache.EvictAsync(cancellationToken);
        TempData[FormPages.BannerKey] = ConfirmedBanner;
        return Redirect(OrganisationLinks.ConfirmPath(id, Token ?? string.Empty));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await OwnerPages.FindConfirmableAsync(db, organisationLinks, id, Token, cancellationToken);
        if (organisation is null)
        {
            return false;
        }

        Organisation = organisation;
        Freshness = review.Now().FreshnessOf(LastConfirmed);
        return true;
    }
}

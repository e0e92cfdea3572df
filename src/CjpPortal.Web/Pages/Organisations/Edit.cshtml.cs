using CjpPortal.Core;
using CjpPortal.Core.Organisations;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Organisations;

/// <summary>The owner edits a listing through the signed link e-mailed to its verified contact (no account). A listing
/// sent back for changes goes to moderation again when saved; a published one stays published (see
/// <see cref="OrganisationListings"/>). The contact e-mail itself is not changed here: a new contact asks CJS staff.</summary>
[AllowAnonymous]
public class EditModel(AppDbContext db, OrganisationLinks organisationLinks, OrganisationListings listings, PortalLinks links, PublicCache cache)
    : OrganisationFormModel(db)
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public int Id { get; private set; }

    public OrganisationStatus Status { get; private set; }

    public string? ModerationReason { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await FindAsync(id, cancellationToken);
        if (organisation is null)
        {
            return OwnerPages.LinkNotWorking(this);
        }

        Fill(organisation);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await FindAsync(id, cancellationToken);
        if (organisation is null)
        {
            return OwnerPages.LinkNotWorking(this);
        }

        await ValidateAsync(id, cancellationToken);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(cancellationToken);
            return FormPages.Invalid(this);
        }

        var wasPublished = organisation.IsPublished;
        Apply(organisation);
        try
        {
            await listings.SaveOwnerEditAsync(organisation, links.BaseUri(Request), cancellationToken);
        }
        catch (DbUpdateException exception) when (RefusedForCharityNumber(exception))
        {
            await LoadChoicesAsync(cancellationToken);
            return FormPages.Invalid(this);
        }

        if (wasPublished)
        {
            await cache.EvictAsync(cancellationToken);
        }

        TempData[FormPages.BannerKey] = organisation.Status == OrganisationStatus.AwaitingModeration && !wasPublished
            ? "Your changes have been saved and sent for approval."
            : "Your changes have been saved.";
        return Redirect(OwnerPages.EditPath(id, Token));
    }

    private async Task<Organisation?> FindAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        var organisation = await OwnerPages.FindEditableAsync(Db, organisationLinks, id, Token, cancellationToken);
        if (organisation is not null)
        {
            Status = organisation.Status;
            ModerationReason = organisation.ModerationReason;
            Services = [.. organisation.Services.OrderBy(s => s.DisplayOrder).ThenBy(s => s.Id).Select(s => (s.Id, s.Name))];
        }

        return organisation;
    }
}

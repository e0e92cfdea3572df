using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.National.Coordinators;

/// <summary>Invites a coordinator: creates their account, gives it the partnerships they will look after, and e-mails
/// a single-use link that expires after 7 days.</summary>
public class InviteModel(AppDbContext db, AccountAdministration accounts, PortalLinks links, NationalLinks nationalLinks) : PageModel
{
    public IReadOnlyList<PartnershipRef> AllPartnerships { get; private set; } = [];

    public IEnumerable<SelectListItem> PartnershipItems =>
        AllPartnerships.Select(p => new SelectListItem(p.Name, p.Id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The coordinator who already uses the address typed, when there is one.</summary>
    public Guid? ExistingAccountId { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = AccountDisplay.EmailMissingMessage)]
    [StringLength(AccountDisplay.EmailMaxLength, ErrorMessage = AccountDisplay.EmailTooLongMessage)]
    [PlainEmail]
    public string? Email { get; set; }

    [BindProperty]
    public List<int> PartnershipIds { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Email = EmailAddress.Normalise(Email);
        if (PartnershipIds.Count == 0)
        {
            ModelState.AddModelError(nameof(PartnershipIds), "Choose at least one partnership for the coordinator to look after");
        }
        else if (PartnershipIds.Any(id => AllPartnerships.All(p => p.Id != id)))
        {
            ModelState.AddModelError(nameof(PartnershipIds), "Choose partnerships from the list");
        }

        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var (outcome, userId) = await accounts.InviteAsync(Email!, Roles.Coordinator, PartnershipIds, FormPages.Actor(User), links.BaseUri(Request), cancellationToken);
        if (outcome == InviteOutcome.AlreadyHasAccount)
        {
            var coordinator = await accounts.FindAsync(userId!.Value, IndexModel.CoordinatorRole, cancellationToken);
            ExistingAccountId = coordinator?.Id;
            ModelState.AddModelError(nameof(Email), coordinator is null
                ? "Someone with this email address already has a CJS staff or administrator account. Use a different email address"
                : "This coordinator already has an account. Open their page to give them another partnership");
            return FormPages.Invalid(this);
        }

        var names = string.Join(", ", AllPartnerships.Where(p => PartnershipIds.Contains(p.Id)).Select(p => p.Name));
        TempData[FormPages.BannerKey] = $"An invitation has been sent to {Email}. They will look after {names}. The link works once and expires in 7 days.";
        return LocalRedirect(nationalLinks.Coordinator(userId!.Value));
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        AllPartnerships = await db.Partnerships.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new PartnershipRef(p.Id, p.Name, p.Slug)).ToListAsync(cancellationToken);
}

using CjpPortal.Core;
using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.National.Coordinators;

/// <summary>One coordinator: their status and partnerships. CJS staff give or take away partnerships, send a new
/// invitation while the account is not set up, unlock a locked-out account, and go on to reset the authenticator app
/// (ResetAuthenticator) or remove the account.</summary>
public class ShowModel(AppDbContext db, AccountAdministration accounts, PortalLinks links) : PageModel
{
    public AccountSummary Account { get; private set; } = null!;

    /// <summary>Partnerships the coordinator does not look after yet, for the "add" list.</summary>
    public IReadOnlyList<PartnershipRef> OtherPartnerships { get; private set; } = [];

    [BindProperty]
    public int? PartnershipId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, async actor =>
        {
            if (OtherPartnerships.FirstOrDefault(p => p.Id == PartnershipId) is not { } adding)
            {
                ModelState.AddModelError(nameof(PartnershipId), "Choose a partnership to add");
                return null;
            }

            await accounts.AssignAsync(id, adding.Id, actor, cancellationToken);
            return $"{Account.Email} now looks after {adding.Name}.";
        }, cancellationToken);

    public Task<IActionResult> OnPostUnassignAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, async actor =>
        {
            if (Account.Partnerships.FirstOrDefault(p => p.Id == PartnershipId) is not { } removing)
            {
                return StalePage;
            }

            await accounts.UnassignAsync(id, removing.Id, actor, cancellationToken);
            return $"{Account.Email} no longer looks after {removing.Name}.";
        }, cancellationToken);

    public Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, async actor =>
        {
            if (Account.Status is not (AccountStatus.Invited or AccountStatus.InvitationExpired))
            {
                return StalePage;
            }

            await accounts.ResendAsync(id, Roles.Coordinator, actor, links.BaseUri(Request), cancellationToken);
            return $"A new invitation has been sent to {Account.Email}. Earlier links no longer work.";
        }, cancellationToken);

    /// <summary>A stale page: the partnership was already taken away, or the account was set up meanwhile.</summary>
    private const string StalePage = "Nothing was changed: the page was out of date. Check the details below.";

    /// <summary>Loads the coordinator in the URL and makes one change; <paramref name="change"/> returns the banner,
    /// or null after adding a field error (400).</summary>
    private async Task<IActionResult> ChangeAsync(Guid id, Func<Core.Audit.AuditActor, Task<string?>> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await change(FormPages.Actor(User)) is not { } banner)
        {
            return FormPages.Invalid(this);
        }

        TempData[FormPages.BannerKey] = banner;
        return LocalRedirect($"/national/coordinators/{id}");
    }

    /// <summary>Lifts a lockout, so someone locked out by wrong guesses (their own or anyone's) can sign in at once.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !AccountDisplay.IsCoordinatorOnly(Account))
        {
            return NotFound();
        }

        var unlocked = await accounts.UnlockAsync(id, FormPages.Actor(User), cancellationToken);
        TempData[FormPages.BannerKey] = AccountDisplay.UnlockedBanner(Account, unlocked);
        return LocalRedirect($"/national/coordinators/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(id, IndexModel.CoordinatorRole, cancellationToken) is not { } account)
        {
            return false;
        }

        Account = account;
        var assigned = account.Partnerships.Select(p => p.Id).ToList();
        OtherPartnerships = await db.Partnerships.AsNoTracking()
            .Where(p => !assigned.Contains(p.Id))
            .OrderBy(p => p.Name)
            .Select(p => new PartnershipRef(p.Id, p.Name, p.Slug))
            .ToListAsync(cancellationToken);
        return true;
    }
}

using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Admin.Staff;

/// <summary>Invites a member of CJS staff or an administrator by e-mail.</summary>
public class InviteModel(AccountAdministration accounts, PortalLinks links) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public void OnGet() => Role = Roles.CjsStaff;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = AccountDisplay.ValidEmail(ModelState, nameof(Email), Email);
        if (!IndexModel.StaffRoles.Contains(Role))
        {
            ModelState.AddModelError(nameof(Role), "Choose what they will be able to do");
        }

        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var (outcome, userId) = await accounts.InviteAsync(Email!, Role!, [], FormPages.Actor(User), links.BaseUri(Request), cancellationToken);
        if (outcome == InviteOutcome.AlreadyHasAccount)
        {
            ModelState.AddModelError(nameof(Email), "Someone with this email address already has an account. Use a different email address");
            return FormPages.Invalid(this);
        }

        TempData[FormPages.BannerKey] = $"An invitation has been sent to {Email}. The link works once and expires in 7 days.";
        return LocalRedirect($"/admin/staff/{userId}");
    }
}

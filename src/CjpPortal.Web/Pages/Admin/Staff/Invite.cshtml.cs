using System.ComponentModel.DataAnnotations;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.TagHelpers;
using CjpPortal.Web.Infrastructure.Validation;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Admin.Staff;

/// <summary>Invites a member of CJS staff or an administrator by e-mail.</summary>
public class InviteModel(AccountAdministration accounts, PortalLinks links, AdminLinks adminLinks) : PageModel
{
    /// <summary>The roles an invitation can give, with what each lets the person do.</summary>
    public static IReadOnlyList<ChoiceItem> RoleChoices =>
    [
        new("CJS staff", Roles.CjsStaff, "Manages coordinators and partnerships across Scotland"),
        new("Administrator", Roles.Administrator, "Also manages CJS staff accounts"),
    ];

    [BindProperty]
    [Required(ErrorMessage = AccountDisplay.EmailMissingMessage)]
    [StringLength(AccountDisplay.EmailMaxLength, ErrorMessage = AccountDisplay.EmailTooLongMessage)]
    [PlainEmail]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public void OnGet() => Role = Roles.CjsStaff;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = EmailAddress.Normalise(Email);
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
        return LocalRedirect(adminLinks.StaffMember(userId!.Value));
    }
}

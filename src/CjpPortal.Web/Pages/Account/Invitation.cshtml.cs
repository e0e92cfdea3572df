using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure.Auth;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Pages.Account;

/// <summary>An invited person opens their link and sets a password; the authenticator app comes next.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountRateLimiting.PolicyName)]
public class InvitationModel(InvitationService invitations, SignInManager<ApplicationUser> signInManager, IOptions<PortalOptions> options) : PageModel
{
    public InvitationState State { get; private set; }

    public string? Email { get; private set; }

    public string ContactEmail { get; } = options.Value.ContactEmail;

    [BindProperty]
    [NoTrim]
    public string? Password { get; set; }

    [BindProperty]
    [NoTrim]
    public string? ConfirmPassword { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var lookup = await LoadAsync(token, cancellationToken);
        return lookup.State == InvitationState.Valid ? Page() : Unusable();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var lookup = await LoadAsync(token, cancellationToken);
        if (lookup.State != InvitationState.Valid)
        {
            return Unusable();
        }

        PasswordRules.Validate(ModelState, Password, ConfirmPassword);
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var result = await invitations.AcceptAsync(lookup.Invitation!, Password!, cancellationToken);
        if (!result.Succeeded)
        {
            PasswordRules.AddErrors(ModelState, result);
            return FormPages.Invalid(this);
        }

        await signInManager.SignInAsync(lookup.Invitation!.User!, isPersistent: false);
        return LocalRedirect(AccountPages.Authenticator);
    }

    private async Task<InvitationLookup> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var lookup = await invitations.FindAsync(token, cancellationToken);
        State = lookup.State;
        Email = lookup.Invitation?.User?.Email;
        return lookup;
    }

    /// <summary>The page explains what went wrong; the status says the link is gone (or never existed).</summary>
    private PageResult Unusable()
    {
        Response.StatusCode = State == InvitationState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return Page();
    }
}

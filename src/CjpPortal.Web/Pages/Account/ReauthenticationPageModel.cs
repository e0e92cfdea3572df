using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Account;

/// <summary>What the two confirmation pages that change a person's second factor share (new recovery codes, a new
/// authenticator app): the person proves it is still them with their password or a current authenticator code, so a
/// session left open on a shared computer cannot take over the account.</summary>
public abstract class ReauthenticationPageModel(UserManager<ApplicationUser> userManager, AccountSelfService account) : PageModel
{
    public const string Label = "Your password, or the 6-digit code from your authenticator app";
    public const string EmptyMessage = "Enter your password, or the code from your authenticator app";
    public const string WrongMessage = "The password or code is not right";

    /// <summary>As at sign-in: the lockout is shared, and a reset password lifts it.</summary>
    public const string LockedOutMessage = "Your account is locked after 5 wrong attempts. Try again in 15 minutes, or reset your password (that also unlocks your account)";

    [BindProperty]
    [NoTrim]
    public string? PasswordOrCode { get; set; }

    protected AccountSelfService AccountService => account;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrWhiteSpace(PasswordOrCode))
        {
            ModelState.AddModelError(nameof(PasswordOrCode), EmptyMessage);
        }
        else if (await account.CheckPasswordOrCodeAsync(user, PasswordOrCode) is var check and not Reauthentication.Confirmed)
        {
            ModelState.AddModelError(nameof(PasswordOrCode), check == Reauthentication.LockedOut ? LockedOutMessage : WrongMessage);
        }

        if (!ModelState.IsValid)
        {
            PasswordOrCode = null;
            return FormPages.Invalid(this);
        }

        return await ConfirmedAsync(user, cancellationToken);
    }

    /// <summary>The change itself, once the person has proved it is them.</summary>
    protected abstract Task<IActionResult> ConfirmedAsync(ApplicationUser user, CancellationToken cancellationToken);
}

using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure.Auth;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace CjpPortal.Web.Pages.Account.SignIn;

[AllowAnonymous]
[EnableRateLimiting(AccountRateLimiting.PolicyName)]
public class IndexModel(SignInManager<ApplicationUser> signInManager) : PageModel
{
    /// <summary>The one answer to every refused sign-in: wrong address, wrong password, or a locked account. Saying
    /// "locked" only for a real account would tell anyone which addresses have one, and counting failures for
    /// addresses with no account would mean storing every address anyone types. So the message covers both cases and
    /// says how to get back in: a reset (which proves control of the mailbox) unlocks the account at once.</summary>
    public const string FailedMessage =
        "The email address or password is not right, or the account is locked after 5 wrong attempts. To unlock it at once, reset your password, or wait 15 minutes and try again";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    [NoTrim]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        Email = EmailAddress.Normalise(Email);
        if (Email is null)
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }
        else if (!EmailAddress.IsValid(Email))
        {
            // A format message, as on every form. It tells nothing about which accounts exist: invitations follow
            // the same rule, so no account is given such an address (one made before the rule needs a new invitation).
            ModelState.AddModelError(nameof(Email), EmailAddress.FormatMessage);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var result = await signInManager.PasswordSignInAsync(Email!, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            var next = string.IsNullOrEmpty(ReturnUrl) || !Url.IsLocalUrl(ReturnUrl)
                ? AccountPages.TwoFactor
                : QueryHelpers.AddQueryString(AccountPages.TwoFactor, "returnUrl", ReturnUrl);
            return LocalRedirect(next);
        }

        if (result.Succeeded)
        {
            // Signed in with a password only: the account has no authenticator yet, and nothing opens until it has.
            return LocalRedirect(AccountPages.Authenticator);
        }

        ModelState.AddModelError(nameof(Email), FailedMessage);
        return FormPages.Invalid(this);
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Email;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CjpPortal.Web.Pages.Account;

/// <summary>Sends a password reset link. The answer is the same whether or not the address has an account, so the page
/// cannot be used to find out who has one.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountRateLimiting.PolicyName)]
public class ForgotPasswordModel(UserManager<ApplicationUser> userManager, AppDbContext db, IEmailOutbox outbox, PortalLinks links) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [TempData]
    public string? SentTo { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var address = EmailAddress.Normalise(Email);
        if (string.IsNullOrEmpty(address))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }
        else if (!EmailAddress.IsValid(address))
        {
            ModelState.AddModelError(nameof(Email), EmailAddress.FormatMessage);
        }

        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var user = await userManager.FindByEmailAsync(address!);
        if (user is not null && await userManager.HasPasswordAsync(user))
        {
            var token = PasswordResetLinks.Encode(user.Id, await userManager.GeneratePasswordResetTokenAsync(user));
            // The configured address, not the request's Host header: a forged Host would otherwise send the victim a
            // link to someone else's site carrying a working reset token.
            var link = new Uri(links.BaseUri(Request), PasswordResetLinks.Path + token);
            outbox.Enqueue(new PasswordResetEmail(user.Email!, link).ToMessage());
            await db.SaveChangesAsync(cancellationToken);
        }

        SentTo = address;
        return LocalRedirect("/account/forgot-password");
    }
}

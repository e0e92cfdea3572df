using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Account;

/// <summary>Sign-out is a form post (with the antiforgery token), so a link or an image elsewhere cannot sign anyone out.
/// It changes the account's security stamp, so the session ends on the server too: a copy of the cookie taken
/// earlier is refused from the next request on (SecurityStampCheck). That ends the person's sessions on other devices
/// as well, which the page says.</summary>
public class SignOutModel(SignInManager<ApplicationUser> signInManager, UserManager<ApplicationUser> userManager) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is { } user)
        {
            await userManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();
        TempData["Banner"] = "You have signed out on every device where you were signed in.";
        return LocalRedirect(AccountPages.SignIn);
    }
}

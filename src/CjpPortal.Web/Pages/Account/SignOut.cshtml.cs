using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Account;

/// <summary>Sign-out is a form post (with the antiforgery token), so a link or an image elsewhere cannot sign anyone out.</summary>
public class SignOutModel(SignInManager<ApplicationUser> signInManager) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        TempData["Banner"] = "You have signed out.";
        return LocalRedirect(AccountPages.SignIn);
    }
}

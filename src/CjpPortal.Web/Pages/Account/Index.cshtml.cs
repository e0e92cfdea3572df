using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Account;

/// <summary>The signed-in person's account: who they are, what they can do, and the way out.</summary>
public class IndexModel(UserManager<ApplicationUser> userManager) : PageModel
{
    public string Email { get; private set; } = string.Empty;

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    public bool SignedInWithTwoFactor { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Email = user.Email ?? string.Empty;
        RoleNames = [.. (await userManager.GetRolesAsync(user)).Select(Describe).Order(StringComparer.Ordinal)];
        TwoFactorEnabled = user.TwoFactorEnabled;
        SignedInWithTwoFactor = User.HasClaim(AuthorizationPolicies.AuthenticationMethodClaim, AuthorizationPolicies.MultiFactorMethod);
        return Page();
    }

    private static string Describe(string role) => role switch
    {
        Roles.Coordinator => "Community justice coordinator",
        Roles.CjsStaff => "Community Justice Scotland staff",
        Roles.Administrator => "Administrator",
        _ => role,
    };
}

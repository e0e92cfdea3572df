using System.Security.Claims;
using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Account;

/// <summary>Small rules the account pages share.</summary>
public static class AccountPages
{
    public const string SignIn = "/account/sign-in";
    public const string TwoFactor = "/account/sign-in/two-factor";
    public const string Authenticator = "/account/authenticator";
    public const string RecoveryCodes = "/account/recovery-codes";
    public const string Home = "/account";
    public const string Dashboard = "/manage";

    /// <summary>Where to go after signing in: the return URL if it is on this site, else the user's own start page.</summary>
    public static string AfterSignIn(IUrlHelper url, string? returnUrl, bool isCoordinator) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : isCoordinator ? Dashboard : Home;

    public static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);

    /// <summary>Re-renders an invalid form with HTTP 400, as every form in the portal does.</summary>
    public static IActionResult Invalid(PageModel page)
    {
        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return page.Page();
    }

    /// <summary>A code as typed, without the spaces people copy from the app or the list.</summary>
    public static string NormaliseCode(string? code) =>
        new((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
}

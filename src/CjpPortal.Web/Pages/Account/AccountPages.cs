using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CjpPortal.Web.Pages.Account;

/// <summary>Small rules the account pages share.</summary>
public static class AccountPages
{
    public const string SignIn = "/account/sign-in";
    public const string TwoFactor = "/account/sign-in/two-factor";
    public const string Authenticator = "/account/authenticator";
    public const string RecoveryCodes = "/account/recovery-codes";
    public const string Home = "/account";
    public const string ChangePassword = "/account/change-password";
    public const string NewRecoveryCodes = "/account/new-recovery-codes";
    public const string ResetAuthenticator = "/account/reset-authenticator";
    public const string SignOut = "/account/sign-out";
    public const string Dashboard = "/manage";
    public const string National = "/national";
    public const string Administration = "/admin";

    /// <summary>Where to go after signing in: the return URL if it is on this site, else the start page of the
    /// user's widest role.</summary>
    public static string AfterSignIn(IUrlHelper url, string? returnUrl, IList<string> roles) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : StartPage(roles);

    public static string StartPage(IList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Contains(Roles.Administrator) ? Administration
            : roles.Contains(Roles.CjsStaff) ? National
            : roles.Contains(Roles.Coordinator) ? Dashboard
            : Home;
    }


    /// <summary>A code as typed, without the spaces people copy from the app or the list.</summary>
    public static string NormaliseCode(string? code) =>
        new((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
}

using System.Text.RegularExpressions;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Infrastructure;

/// <summary>Signs a demo account in the way a person does: e-mail address and password, then the code their
/// authenticator app shows now. The demo coordinator looks after Falkirk and Ayrshire.</summary>
public static partial class CoordinatorSignIn
{
    public static DemoAccounts.Account Coordinator { get; } = DemoAccounts.All.Single(a => a.Role == Roles.Coordinator);
    public static DemoAccounts.Account CjsStaff { get; } = DemoAccounts.All.Single(a => a.Role == Roles.CjsStaff);
    public static DemoAccounts.Account Administrator { get; } = DemoAccounts.All.Single(a => a.Role == Roles.Administrator);

    /// <summary>Signs in from /account/sign-in and waits for the dashboard; with <paramref name="checkAccessibility"/>,
    /// runs axe-core on the sign-in and two-factor pages on the way.</summary>
    public static Task SignInAsync(PortalFixture portal, IPage page, bool checkAccessibility = false) =>
        SignInAsync(portal, page, Coordinator, checkAccessibility);

    /// <summary>Signs <paramref name="account"/> in and waits for the start page of their role.</summary>
    public static async Task SignInAsync(PortalFixture portal, IPage page, DemoAccounts.Account account, bool checkAccessibility = false)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(account);

        await page.GotoAsync("/account/sign-in");
        if (checkAccessibility)
        {
            await AxeAssert.NoViolationsAsync(page);
        }

        await page.GetByLabel("Email address").FillAsync(account.Email);
        await page.GetByLabel("Password").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(TwoFactorUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Enter your security code");
        if (checkAccessibility)
        {
            await AxeAssert.NoViolationsAsync(page);
        }

        var key = await portal.AuthenticatorKeyAsync(account.Email);
        await page.GetByLabel("Security code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(account.Role switch
        {
            Roles.Coordinator => DashboardUrl(),
            Roles.Administrator => AdministrationUrl(),
            _ => NationalUrl(),
        });
    }

    [GeneratedRegex("/account/sign-in/two-factor(\\?.*)?$")]
    private static partial Regex TwoFactorUrl();

    [GeneratedRegex("/manage$")]
    private static partial Regex DashboardUrl();

    [GeneratedRegex("/national$")]
    private static partial Regex NationalUrl();

    [GeneratedRegex("/admin$")]
    private static partial Regex AdministrationUrl();
}

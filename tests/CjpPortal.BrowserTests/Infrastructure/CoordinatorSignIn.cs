using System.Text.RegularExpressions;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Infrastructure;

/// <summary>Signs the demo coordinator (Falkirk and Ayrshire) in the way a person does: e-mail address and password,
/// then the code their authenticator app shows now.</summary>
public static partial class CoordinatorSignIn
{
    public static DemoAccounts.Account Coordinator { get; } = DemoAccounts.All.Single(a => a.Role == Roles.Coordinator);

    /// <summary>Signs in from /account/sign-in and waits for the dashboard; with <paramref name="checkAccessibility"/>,
    /// runs axe-core on the sign-in and two-factor pages on the way.</summary>
    public static async Task SignInAsync(PortalFixture portal, IPage page, bool checkAccessibility = false)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(page);

        await page.GotoAsync("/account/sign-in");
        if (checkAccessibility)
        {
            await AxeAssert.NoViolationsAsync(page);
        }

        await page.GetByLabel("Email address").FillAsync(Coordinator.Email);
        await page.GetByLabel("Password").FillAsync(Coordinator.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(TwoFactorUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Enter your security code");
        if (checkAccessibility)
        {
            await AxeAssert.NoViolationsAsync(page);
        }

        var key = await portal.AuthenticatorKeyAsync(Coordinator.Email);
        await page.GetByLabel("Security code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(DashboardUrl());
    }

    [GeneratedRegex("/account/sign-in/two-factor(\\?.*)?$")]
    private static partial Regex TwoFactorUrl();

    [GeneratedRegex("/manage$")]
    private static partial Regex DashboardUrl();
}

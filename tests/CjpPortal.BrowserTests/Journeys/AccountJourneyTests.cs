using System.Text.RegularExpressions;
using CjpPortal.BrowserTests.Infrastructure;
using CjpPortal.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>A signed-in person can see who they are signed in as, reach their account and sign out from any page; a
/// form they get wrong puts them on the error summary.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class AccountJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task A_coordinator_sees_who_they_are_signed_in_as_on_a_public_page_and_signs_out_from_the_header()
    {
        // Arrange
        var account = await portal.CreateAccountAsync(Roles.Coordinator);
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await CoordinatorSignIn.SignInAsync(portal, page, account);

        // Act
        await page.GotoAsync("/partnerships/falkirk");
        var header = page.Locator("header #signed-in");
        await Expect(header).ToContainTextAsync($"Signed in as {account.Email}");
        await Expect(page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = false })).ToHaveCountAsync(0);
        await AxeAssert.NoViolationsAsync(page);

        // At 320 px (400 % zoom) the bar wraps inside the screen: nothing in it runs past the right edge.
        await page.SetViewportSizeAsync(320, 640);
        var overflow = await page.EvaluateAsync<double>(
            "() => Math.max(...[...document.querySelectorAll('#signed-in, #signed-in *')].map(e => e.getBoundingClientRect().right)) - window.innerWidth");
        Assert.True(overflow <= 0, $"At 320 px the signed-in bar runs {overflow} px past the right edge.");
        await page.SetViewportSizeAsync(1280, 800);

        await header.GetByRole(AriaRole.Link, new() { Name = "Your account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AccountUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your account");
        await AxeAssert.NoViolationsAsync(page);

        await page.Locator("header #signed-in").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await Expect(page.Locator("#banner")).ToContainTextAsync("You have signed out on every device where you were signed in.");
        await Expect(page.Locator("header #signed-in")).ToHaveCountAsync(0);
        await page.GotoAsync("/partnerships/falkirk");
        await Expect(page.Locator("header #signed-in")).ToHaveCountAsync(0);
        await Expect(page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Sign in (coordinators and CJS staff)" })).ToBeVisibleAsync();
        await AxeAssert.NoViolationsAsync(page);
    }

    [Fact]
    public async Task A_visitor_who_searches_with_an_empty_box_is_taken_to_the_error_summary()
    {
        // Arrange
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Find partnership" }).ClickAsync();

        // Assert
        await Expect(page.Locator(".ds_error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator(".ds_error-summary")).ToBeFocusedAsync();
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await AxeAssert.NoViolationsAsync(page);
    }

    [Fact]
    public async Task A_coordinator_who_gets_the_change_password_form_wrong_is_taken_to_the_error_summary_and_can_follow_it_to_the_field()
    {
        // Arrange
        var account = await portal.CreateAccountAsync(Roles.Coordinator);
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await CoordinatorSignIn.SignInAsync(portal, page, account);
        await page.GotoAsync("/account/change-password");
        await AxeAssert.NoViolationsAsync(page);

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        // Assert
        var summary = page.Locator(".ds_error-summary");
        await Expect(summary).ToBeFocusedAsync();
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await AxeAssert.NoViolationsAsync(page);
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your current password" }).ClickAsync();
        await Expect(page.GetByLabel("Current password")).ToBeFocusedAsync();
    }

    [GeneratedRegex("/account$")]
    private static partial Regex AccountUrl();

    [GeneratedRegex("/account/sign-in$")]
    private static partial Regex SignInUrl();
}

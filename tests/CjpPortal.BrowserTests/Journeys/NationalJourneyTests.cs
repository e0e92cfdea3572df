using System.Text.RegularExpressions;
using CjpPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>Community Justice Scotland staff look after coordinators' accounts; administrators look after staff
/// accounts. Every page on the way passes axe-core.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class NationalJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task A_member_of_CJS_staff_invites_a_coordinator_for_Orkney_corrects_a_mistake_and_then_removes_them()
    {
        // Arrange
        await using var session = await portal.OpenAsAsync(CoordinatorSignIn.CjsStaff);
        var page = session.Page;
        var email = $"new.coordinator.{Guid.NewGuid():N}@example.org";
        await page.GotoAsync("/national");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("National administration");
        await AxeAssert.NoViolationsAsync(page);

        // Act
        await page.GetByRole(AriaRole.Link, new() { Name = "Coordinators", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Coordinators");
        await AxeAssert.NoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Invite a coordinator" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Invite a coordinator");
        await AxeAssert.NoViolationsAsync(page);

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Choose at least one partnership");
        await AxeAssert.NoViolationsAsync(page);

        // The design system draws the box over the label, so people (and the test) click the label.
        await page.Locator("label", new() { HasText = "Orkney" }).ClickAsync();
        await Expect(page.GetByLabel("Orkney", new() { Exact = false })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(CoordinatorUrl());
        await Expect(page.Locator("#banner")).ToContainTextAsync($"An invitation has been sent to {email}");
        await Expect(page.Locator("#partnerships")).ToContainTextAsync("Orkney");
        await AxeAssert.NoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Remove this coordinator" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Are you sure you want to remove this coordinator?");
        await AxeAssert.NoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove this coordinator" }).ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(CoordinatorListUrl());
        await Expect(page.Locator("#banner")).ToContainTextAsync($"{email} has been removed");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = email })).ToHaveCountAsync(0);
        await AxeAssert.NoViolationsAsync(page);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/staff")]
    [InlineData("/admin/staff/invite")]
    [InlineData("/admin/outbox")]
    [InlineData("/admin/outbox/suppressions")]
    [InlineData("/national")]
    [InlineData("/national/coordinators")]
    [InlineData("/national/coordinators/invite")]
    [InlineData("/national/dashboard")]
    [InlineData("/national/dashboard?year=2024&problem=overdue-return&map=return")]
    [InlineData("/national/dashboard/remind")]
    [InlineData("/national/engagement")]
    [InlineData("/national/engagement?year=2024")]
    [InlineData("/national/history")]
    [InlineData("/national/refresh")]
    [InlineData("/national/refresh/edition")]
    [InlineData("/national/partnerships")]
    [InlineData("/national/partnerships/ayrshire")]
    [InlineData("/national/partnerships/ayrshire/name")]
    [InlineData("/national/partnerships/ayrshire/areas")]
    public async Task Get_AdministrationPageForSignedInAdministrator_HasNoAccessibilityViolations(string path)
    {
        // Arrange
        await using var session = await portal.OpenAsAsync(CoordinatorSignIn.Administrator);

        // Act
        var response = await session.Page.GotoAsync(path);

        // Assert
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await AxeAssert.NoViolationsAsync(session.Page);
    }

    [Fact]
    public async Task An_administrator_opens_a_staff_account_and_its_removal_page_without_accessibility_violations()
    {
        // Arrange
        await using var session = await portal.OpenAsAsync(CoordinatorSignIn.Administrator);
        var page = session.Page;
        await page.GotoAsync("/admin/staff");

        // Act
        await page.GetByRole(AriaRole.Link, new() { Name = CoordinatorSignIn.CjsStaff.Email }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(CoordinatorSignIn.CjsStaff.Email);
        await AxeAssert.NoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Remove this account" }).ClickAsync();

        // Assert
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Are you sure you want to remove this account?");
        await AxeAssert.NoViolationsAsync(page);
    }

    [GeneratedRegex("/national/coordinators/[0-9a-f-]{36}$")]
    private static partial Regex CoordinatorUrl();

    [GeneratedRegex("/national/coordinators$")]
    private static partial Regex CoordinatorListUrl();
}

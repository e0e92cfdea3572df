using System.Text.RegularExpressions;
using CjpPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>A community justice coordinator keeps their partnership's public page up to date.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class CoordinatorJourneyTests(PortalFixture portal)
{
    private const string ForumTitle = "Community justice third-sector forum";
    private const string NewMeetingTime = "First Monday of the month, 6pm to 7:30pm";

    [Fact]
    public async Task A_coordinator_signs_in_with_an_authenticator_code_changes_the_forums_meeting_time_and_the_public_page_shows_it()
    {
        // Arrange
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await CoordinatorSignIn.SignInAsync(portal, page, checkAccessibility: true);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your partnerships");
        await AxeAssert.NoViolationsAsync(page);

        // Act
        await page.GetByRole(AriaRole.Link, new() { Name = "Falkirk Community Justice Partnership" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(OverviewUrl());
        await AxeAssert.NoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Engagement routes", Exact = false }).ClickAsync();
        await Expect(page).ToHaveURLAsync(RoutesUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Engagement routes");
        await AxeAssert.NoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = ForumTitle, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(RouteEditUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit an engagement route");
        await AxeAssert.NoViolationsAsync(page);

        var meets = page.GetByLabel("When it meets");
        await Expect(meets).Not.ToHaveValueAsync(NewMeetingTime);
        await meets.FillAsync(NewMeetingTime);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save route" }).ClickAsync();

        // Assert
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"“{ForumTitle}” has been saved.");
        await AxeAssert.NoViolationsAsync(page);

        await page.GotoAsync("/partnerships/falkirk");
        var forum = page.Locator(".cjp-route").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = ForumTitle, Exact = true }) });
        await Expect(forum.Locator(".cjp-meets")).ToHaveTextAsync(NewMeetingTime);
        await AxeAssert.NoViolationsAsync(page);
    }

    [GeneratedRegex("/manage/partnerships/falkirk$")]
    private static partial Regex OverviewUrl();

    [GeneratedRegex("/manage/partnerships/falkirk/routes$")]
    private static partial Regex RoutesUrl();

    [GeneratedRegex("/manage/partnerships/falkirk/routes/\\d+$")]
    private static partial Regex RouteEditUrl();
}

using System.Text.RegularExpressions;
using CjpPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>A third-sector worker, with no account, looks for the community justice partnership for an area.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class FindingAPartnershipTests(PortalFixture portal)
{
    [Fact]
    public async Task A_third_sector_worker_finds_the_Falkirk_partnership_by_typing_its_name()
    {
        // Arrange
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");
        await AxeAssert.NoViolationsAsync(page);

        // Act
        await page.GetByLabel("Council area or partnership name").FillAsync("Falkirk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find partnership" }).ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex("/partnerships/falkirk$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Falkirk Community Justice Partnership");
        var contactFirst = page.GetByRole(AriaRole.Region, new() { Name = "Who to contact first" });
        await Expect(contactFirst).ToBeVisibleAsync();
        await Expect(contactFirst.Locator("#main-contact strong")).ToHaveTextAsync(PersonName());
        await AxeAssert.NoViolationsAsync(page);
    }

    [Fact]
    public async Task A_third_sector_worker_without_JavaScript_finds_the_Western_Isles_partnership_by_its_English_name()
    {
        // Arrange
        await using var session = await portal.OpenAsync(javaScriptEnabled: false);
        var page = session.Page;
        await page.GotoAsync("/");
        await AxeAssert.NoViolationsAsync(page);

        // Act
        await page.GetByLabel("Council area or partnership name").FillAsync("Western Isles");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find partnership" }).ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex("/partnerships/western-isles$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Western Isles Community Justice Partnership");
        var fallback = page.Locator("#main-contact strong");
        await Expect(fallback).ToHaveTextAsync(PersonName());
        var fallbackName = await fallback.TextContentAsync();
        await Expect(page.Locator("#vacancy-notice")).ToHaveTextAsync(
            $"The Community Justice Coordinator post is vacant at the moment. Contact {fallbackName} instead.");
        await Expect(page.Locator("#main-contact")).ToContainTextAsync("covering while the coordinator post is vacant");
        await AxeAssert.NoViolationsAsync(page);
    }

    [Fact]
    public async Task A_third_sector_worker_chooses_North_Ayrshire_from_the_list_and_sees_the_three_Ayrshire_TSIs()
    {
        // Arrange
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        // Act
        await page.GetByLabel("Or choose a council area").SelectOptionAsync(new SelectOptionValue { Label = "North Ayrshire" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Go to partnership" }).ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex("/partnerships/ayrshire$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Community Justice Ayrshire");
        var tsis = page.GetByRole(AriaRole.List, new() { Name = "Third Sector Interfaces" }).Locator(":scope > li");
        await Expect(tsis).ToHaveCountAsync(3);
        await Expect(tsis.Locator(":scope > p > strong")).ToHaveTextAsync(
        [
            "East Ayrshire Third Sector Interface",
            "North Ayrshire Third Sector Interface",
            "South Ayrshire Third Sector Interface",
        ]);
        await AxeAssert.NoViolationsAsync(page);
    }

    [Fact]
    public async Task A_name_that_matches_no_partnership_leads_to_the_list_of_all_partnerships()
    {
        // Arrange
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        // Act
        await page.GetByLabel("Council area or partnership name").FillAsync("Atlantis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find partnership" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No partnership found" })).ToBeVisibleAsync();
        await AxeAssert.NoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "choose from the list of all partnerships" }).ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex("/partnerships$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Community justice partnerships");
        var partnerships = page.Locator("#partnership-list > li");
        await Expect(partnerships).ToHaveCountAsync(30);
        await Expect(partnerships.GetByRole(AriaRole.Link, new() { Name = "Falkirk Community Justice Partnership" })).ToHaveAttributeAsync("href", "/partnerships/falkirk");
        await AxeAssert.NoViolationsAsync(page);
    }

    [Fact]
    public async Task A_name_longer_than_100_characters_shows_an_error_summary_with_status_400()
    {
        // Arrange: the field's maxlength stops a user typing this, so it comes in through the URL.
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        var tooLong = new string('a', 101);

        // Act
        var response = await page.GotoAsync($"/find?q={tooLong}");

        // Assert
        Assert.NotNull(response);
        Assert.Equal(400, response.Status);
        var summary = page.Locator(".ds_error-summary");
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("There is a problem");
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync("Council area or partnership name must be 100 characters or fewer");
        await Expect(page.Locator("#q-error")).ToContainTextAsync("must be 100 characters or fewer");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await AxeAssert.NoViolationsAsync(page);
    }

    // Demo contacts have a first name and a surname, e.g. "Jordan Sample".
    [GeneratedRegex(@"^[A-Z][a-z]+ [A-Z][a-z]+$")]
    private static partial Regex PersonName();
}

using System.Globalization;
using System.Text.RegularExpressions;
using CjpPortal.BrowserTests.Infrastructure;
using CjpPortal.Core.Rules;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>A coordinator records a draft plan's consultation, and third-sector workers find it on the national list.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class PlanJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task A_coordinator_opens_a_consultation_on_a_draft_plan_and_the_public_consultations_page_lists_it()
    {
        // Arrange
        var today = ScottishTime.Today(TimeProvider.System);
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await CoordinatorSignIn.SignInAsync(portal, page);
        await page.GotoAsync("/manage/partnerships/falkirk");

        // Act
        await page.GetByRole(AriaRole.Link, new() { Name = "Plans (CJOIPs)", Exact = false }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PlansUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plans (CJOIPs)");
        await AxeAtBothWidthsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a plan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Add a plan");
        await AxeAtBothWidthsAsync(page);

        await page.GetByLabel("Period starts", new() { Exact = true }).FillAsync("2033-04-01");
        await page.GetByLabel("Period ends", new() { Exact = true }).FillAsync("2038-03-31");
        await page.GetByLabel("Consultation opens", new() { Exact = true }).FillAsync(Iso(today));
        await page.GetByLabel("Consultation closes", new() { Exact = true }).FillAsync(Iso(today.AddDays(20)));
        await page.GetByLabel("How to respond: an email address", new() { Exact = true }).FillAsync("plan@falkirk-cjp.example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add plan" }).ClickAsync();

        // Assert
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The plan for 2033 to 2038 has been added.");
        await Expect(page.Locator("#plans > li").First.Locator(".ds_tag")).ToHaveTextAsync("Open for consultation");
        await AxeAtBothWidthsAsync(page);

        // The pages the coordinator would go on to: the statement and the publishing question (not answered here)
        await page.GetByRole(AriaRole.Link, new() { Name = "Participation statement for the plan for 2033 to 2038" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Participation statement for the 2033 to 2038 plan");
        await AxeAtBothWidthsAsync(page);
        await page.GotoAsync("/manage/partnerships/falkirk/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "Publish the plan for 2033 to 2038" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Publish the 2033 to 2038 plan?");
        await AxeAtBothWidthsAsync(page);

        await using var visitor = await portal.OpenAsync();
        await visitor.Page.GotoAsync("/consultations");
        var listed = visitor.Page.Locator(".cjp-consultation").Filter(new() { HasText = "Falkirk Community Justice Partnership: draft plan for 2033 to 2038" });
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed).ToContainTextAsync("Closes in 20 days");
        await AxeAtBothWidthsAsync(visitor.Page);
    }

    /// <summary>axe-core at a desktop width and at a phone width.</summary>
    private static async Task AxeAtBothWidthsAsync(IPage page)
    {
        foreach (var width in (int[])[1280, 375])
        {
            await page.SetViewportSizeAsync(width, 900);
            await AxeAssert.NoViolationsAsync(page);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("/manage/partnerships/falkirk/plans$")]
    private static partial Regex PlansUrl();
}

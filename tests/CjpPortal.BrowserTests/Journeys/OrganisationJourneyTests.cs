using System.Text.RegularExpressions;
using CjpPortal.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>A small charity lists itself, a coordinator of its area approves it, and a member of the public finds it
/// with a misspelt word ("mentle health"). Every page on the way passes axe-core at a desktop and a phone width and does not scroll
/// sideways on the phone.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class OrganisationJourneyTests(PortalFixture portal)
{
    private static readonly int[] Widths = [1280, 375];

    [Fact]
    public async Task A_charity_adds_a_listing_a_Falkirk_coordinator_approves_it_and_the_public_find_it_by_a_misspelt_word()
    {
        // Arrange: a name no other listing has, so the journey can run again on the same database.
        var name = $"Carron Valley Wellbeing Circle {Guid.NewGuid().ToString("N")[..6]}";
        var contact = $"hello-{Guid.NewGuid():N}@carron-wellbeing.example.org";
        await using var charity = await portal.OpenAsync();
        var page = charity.Page;
        try
        {
            // Act: the charity adds itself
            await page.GotoAsync("/organisations/new");
            await CheckAsync(page);
            await page.GetByLabel("Organisation name").FillAsync(name);
            await page.GetByLabel("Contact email address").FillAsync(contact);
            // The description's label and the themes' legend read the same: the field by its id.
            await page.Locator("#Description").FillAsync(
                "Peer support groups and one-to-one listening for people leaving prison who struggle with their mental health.");
            await TickAsync(page.GetByRole(AriaRole.Checkbox, new() { Name = "Mental health", Exact = true }));
            await TickAsync(page.GetByRole(AriaRole.Checkbox, new() { Name = "Falkirk", Exact = true }));
            await page.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(SentUrl());
            await CheckAsync(page);

            // Act: it follows the link in the e-mail and confirms
            await page.GotoAsync(await VerificationLinkAsync(contact));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Confirm your organisation's listing");
            await CheckAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and send for approval" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(ConfirmedUrl());
            await CheckAsync(page);

            // Act: the demo coordinator (Falkirk and Ayrshire) approves it from the moderation queue
            await using (var coordinator = await portal.OpenAsCoordinatorAsync())
            {
                var manage = coordinator.Page;
                await manage.GotoAsync("/manage/organisations");
                await CheckAsync(manage);
                await manage.Locator("#awaiting").GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
                await Expect(manage).ToHaveURLAsync(ModerationUrl());
                await CheckAsync(manage);
                await TickAsync(manage.GetByRole(AriaRole.Radio, new() { Name = "Approve and publish" }));
                await manage.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
                await Expect(manage.Locator("#confirmation")).ToContainTextAsync("Approve and publish");
                await CheckAsync(manage);
                await manage.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
                await Expect(manage).ToHaveURLAsync(QueueUrl());
                await Expect(manage.GetByRole(AriaRole.Status)).ToContainTextAsync($"{name} has been approved and published.");
                await CheckAsync(manage);
            }

            // Act: a member of the public searches with misspelt words and the theme
            await using var visitor = await portal.OpenAsync();
            var search = visitor.Page;
            await search.GotoAsync("/organisations");
            await CheckAsync(search);
            await search.GetByLabel("Words").FillAsync("mentle health");
            await search.GetByRole(AriaRole.Combobox, new() { Name = "What they do" }).SelectOptionAsync(new SelectOptionValue { Label = "Mental health" });
            await search.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

            // Assert
            await Expect(search).ToHaveURLAsync(SearchUrl());
            var result = search.GetByRole(AriaRole.Link, new() { Name = name });
            await Expect(result).ToBeVisibleAsync();
            await CheckAsync(search);
            await result.ClickAsync();
            await Expect(search.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
            await CheckAsync(search);
        }
        finally
        {
            // Other journeys read the demo data: leave no listing behind.
            await portal.WithDbContextAsync(db => db.Organisations.Where(o => o.Name == name).ExecuteDeleteAsync());
        }
    }

    /// <summary>The design system draws its own box in the label, over the input, so a person clicks the label (the
    /// input is under it and cannot be clicked). Then the box must be ticked.</summary>
    private static async Task TickAsync(ILocator box)
    {
        var id = await box.GetAttributeAsync("id");
        await box.Page.Locator($"label[for='{id}']").ClickAsync();
        await Expect(box).ToBeCheckedAsync();
    }

    /// <summary>axe-core at each width, and no sideways scrolling at the narrow one (the page is re-laid out, not
    /// reloaded, so a form's state is kept).</summary>
    private static async Task CheckAsync(IPage page)
    {
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            await AxeAssert.NoViolationsAsync(page);
            var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(sizes[0] <= sizes[1], $"{page.Url} at {width} px is {sizes[0]} px wide");
        }
    }

    /// <summary>The verification link from the e-mail in the outbox (as the mailer would send it), without its host.</summary>
    private async Task<string> VerificationLinkAsync(string contact)
    {
        var bodies = new List<string>();
        await portal.WithDbContextAsync(async db =>
            bodies.AddRange(await db.EmailOutbox.Where(e => e.To == contact).OrderByDescending(e => e.Id).Select(e => e.TextBody).ToListAsync()));
        var link = bodies.SelectMany(b => LinkPattern().Matches(b).Select(m => m.Value)).First(l => l.Contains("/verify?token=", StringComparison.Ordinal));
        return new Uri(link).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("/organisations/new/check-your-email")]
    private static partial Regex SentUrl();

    [GeneratedRegex("/organisations/new/confirmed")]
    private static partial Regex ConfirmedUrl();

    [GeneratedRegex("/manage/organisations/\\d+$")]
    private static partial Regex ModerationUrl();

    [GeneratedRegex("/manage/organisations$")]
    private static partial Regex QueueUrl();

    [GeneratedRegex("/organisations\\?.*q=mentle")]
    private static partial Regex SearchUrl();
}

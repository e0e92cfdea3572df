using System.Text.RegularExpressions;
using CjpPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>A third-sector worker, with no account, finds the partnership for where they are standing with
/// "Use my location": the browser's position goes to the portal only, which matches it to a council area.</summary>
[Collection(PortalCollection.Name)]
public sealed class FindingByLocationTests(PortalFixture portal)
{
    private async Task<BrowserSession> OpenAtAsync(Geolocation? position, IEnumerable<string> permissions, bool javaScriptEnabled = true)
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            // axe-core is injected as an inline script, which the portal's CSP refuses.
            BypassCSP = true,
            Locale = "en-GB",
            Geolocation = position,
            Permissions = permissions,
        });
        context.SetDefaultTimeout(10_000);
        // The first page a fresh host renders can be slow on a busy machine.
        context.SetDefaultNavigationTimeout(30_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    [Theory]
    [InlineData("Stornoway", 58.2094f, -6.3872f, "western-isles", "Western Isles Community Justice Partnership")]
    [InlineData("Kirkwall", 58.9810f, -2.9600f, "orkney", "Orkney Community Justice Partnership")]
    [InlineData("Paisley", 55.8456f, -4.4239f, "renfrewshire", "Renfrewshire Community Justice Partnership")]
    [InlineData("Dumfries", 55.0700f, -3.6050f, "dumfries-and-galloway", "Dumfries and Galloway Community Justice Partnership")]
    [InlineData("Inverness", 57.4778f, -4.2247f, "highland", "Highland Community Justice Partnership")]
    [InlineData("Lerwick", 60.1546f, -1.1494f, "shetland", "Shetland Community Justice Partnership")]
    public async Task A_third_sector_worker_uses_their_location_and_reaches_the_local_partnership(string town, float latitude, float longitude, string slug, string name)
    {
        // Arrange
        await using var session = await OpenAtAsync(new Geolocation { Latitude = latitude, Longitude = longitude }, ["geolocation"]);
        var page = session.Page;
        await page.GotoAsync("/");
        await AxeAssert.NoViolationsAsync(page);

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Use my location" }).ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex($"/partnerships/{slug}$"), new() { Timeout = 15_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        Assert.False(string.IsNullOrEmpty(town));
    }

    [Fact]
    public async Task A_third_sector_worker_who_refuses_their_location_is_told_to_type_a_place()
    {
        // Arrange: no permission granted, so the browser refuses the position.
        await using var session = await OpenAtAsync(new Geolocation { Latitude = 55.8456f, Longitude = -4.4239f }, []);
        var page = session.Page;
        await page.GotoAsync("/find?q=Atlantis");

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Use my location" }).ClickAsync();

        // Assert
        await Expect(page.Locator("#find-location-message")).ToHaveTextAsync(
            "You have not allowed this site to use your location. Type the name of your town, village or council area instead.");
        await Expect(page).ToHaveURLAsync(new Regex("/find\\?q=Atlantis$"));
        await AxeAssert.NoViolationsAsync(page);
    }

    [Fact]
    public async Task A_third_sector_worker_on_a_ferry_is_told_their_location_is_not_in_a_council_area()
    {
        // Arrange: the Minch, between Skye and Lewis.
        await using var session = await OpenAtAsync(new Geolocation { Latitude = 57.95f, Longitude = -5.95f }, ["geolocation"]);
        var page = session.Page;
        await page.GotoAsync("/find?q=Atlantis");

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Use my location" }).ClickAsync();

        // Assert
        await Expect(page.Locator("#location-result")).ToHaveTextAsync("Your location is not in a Scottish council area. Type the name of a place instead.");
        await AxeAssert.NoViolationsAsync(page);
    }

    [Fact]
    public async Task Without_JavaScript_there_is_no_location_button()
    {
        // Arrange
        await using var session = await OpenAtAsync(null, [], javaScriptEnabled: false);
        var page = session.Page;

        // Act
        await page.GotoAsync("/");

        // Assert
        await Expect(page.GetByLabel("Council area or partnership name")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use my location" })).ToHaveCountAsync(0);
    }
}

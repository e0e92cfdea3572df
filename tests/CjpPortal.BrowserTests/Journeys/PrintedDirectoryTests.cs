using CjpPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>A third-sector worker prints the directory for a meeting, and reads a partnership's ways to take part.</summary>
[Collection(PortalCollection.Name)]
public sealed class PrintedDirectoryTests(PortalFixture portal)
{
    [Fact]
    public async Task A_printed_copy_of_the_directory_says_when_and_where_it_was_taken()
    {
        // Arrange
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/directory?area=S12000014");
        var asAt = page.Locator("#directory-as-at");
        await Expect(asAt).ToBeHiddenAsync();

        // Act
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        // Assert
        await Expect(asAt).ToBeVisibleAsync();
        await Expect(asAt).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Directory as at \d{1,2} [A-Z][a-z]+ \d{4}, http://127\.0\.0\.1:\d+/directory\?area=S12000014$"));
    }

    [Fact]
    public async Task Each_way_to_take_part_is_set_apart_from_the_next()
    {
        // Arrange
        await using var session = await portal.OpenAsync();
        var page = session.Page;

        // Act
        await page.GotoAsync("/partnerships/falkirk");

        // Assert: a rule and space between one route and the next.
        var routes = page.Locator(".cjp-route");
        Assert.True(await routes.CountAsync() >= 2, "Falkirk's demo page should list at least two routes.");
        var first = await routes.Nth(0).BoundingBoxAsync();
        var second = await routes.Nth(1).BoundingBoxAsync();
        Assert.NotNull(first);
        Assert.NotNull(second);
        var border = await routes.Nth(1).EvaluateAsync<string>("e => getComputedStyle(e).borderTopStyle");
        Assert.Equal("solid", border);
        var paddingTop = await routes.Nth(1).EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).paddingTop)");
        Assert.True(paddingTop >= 16, $"Padding above the second route: {paddingTop}px");
        Assert.True(second.Y - (first.Y + first.Height) >= 16, $"Gap between routes: {second.Y - (first.Y + first.Height)}px");
        await AxeAssert.NoViolationsAsync(page);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using CjpPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>A CJS officer compares partnerships in the directory table, using only the keyboard.</summary>
[Collection(PortalCollection.Name)]
public sealed class DirectoryTableTests(PortalFixture portal)
{
    private const int MaxTabPresses = 80;

    [Fact]
    public async Task A_keyboard_user_sorts_the_directory_by_when_each_entry_was_last_confirmed()
    {
        // Arrange
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/directory");
        await AxeAssert.NoViolationsAsync(page);
        var namesBefore = await PartnershipNamesAsync(page);

        // Act
        await TabToLinkAsync(page, "Last confirmed");
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex(@"/directory\?sort=confirmed&dir=asc#directory-table$"));
        var sorted = page.Locator("#directory-table thead th[aria-sort]");
        await Expect(sorted).ToHaveCountAsync(1);
        await Expect(sorted).ToContainTextAsync("Last confirmed");
        await Expect(sorted).ToHaveAttributeAsync("aria-sort", "ascending");
        var confirmed = await LastConfirmedAsync(page);
        Assert.Equal(30, confirmed.Count);
        Assert.Equal(confirmed.OrderBy(d => d), confirmed);
        Assert.NotEqual(namesBefore, await PartnershipNamesAsync(page));
        await AxeAssert.NoViolationsAsync(page);

        // Act: the same heading again reverses the order.
        await TabToLinkAsync(page, "Last confirmed");
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex(@"/directory\?sort=confirmed&dir=desc#directory-table$"));
        await Expect(sorted).ToHaveAttributeAsync("aria-sort", "descending");
        var reversed = await LastConfirmedAsync(page);
        Assert.Equal(reversed.OrderByDescending(d => d), reversed);
    }

    /// <summary>Presses Tab, as a keyboard user would, until a link whose text starts with <paramref name="text"/> has focus.</summary>
    private static async Task TabToLinkAsync(IPage page, string text)
    {
        for (var i = 0; i < MaxTabPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string?>(
                "() => document.activeElement instanceof HTMLAnchorElement ? document.activeElement.textContent.trim() : null");
            if (focused is not null && focused.StartsWith(text, StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"No link starting '{text}' was reached in {MaxTabPresses} presses of Tab.");
    }

    private static Task<IReadOnlyList<string>> PartnershipNamesAsync(IPage page) =>
        page.Locator("#directory-table tbody th[scope=row]").AllInnerTextsAsync();

    /// <summary>The "Last confirmed" column, top to bottom; "Never" (no date) sorts before every date.</summary>
    private static async Task<List<DateOnly?>> LastConfirmedAsync(IPage page)
    {
        var cells = await page.Locator("#directory-table tbody tr > td:last-child").AllInnerTextsAsync();
        return
        [
            .. cells.Select(cell => cell.Split('\n', StringSplitOptions.TrimEntries)[0]).Select(text => text == "Never"
                ? (DateOnly?)null
                : DateOnly.ParseExact(text, "d MMMM yyyy", CultureInfo.InvariantCulture)),
        ];
    }
}

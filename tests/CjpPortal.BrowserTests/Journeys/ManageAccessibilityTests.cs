using CjpPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>Every page a signed-in coordinator opens to look after their partnership passes axe-core's WCAG 2.2 A and AA rules.</summary>
[Collection(PortalCollection.Name)]
public sealed class ManageAccessibilityTests(PortalFixture portal)
{
    [Theory]
    [InlineData("/manage")]
    [InlineData("/account")]
    [InlineData("/manage/partnerships/ayrshire")]
    [InlineData("/manage/partnerships/ayrshire/details")]
    [InlineData("/manage/partnerships/ayrshire/contacts")]
    [InlineData("/manage/partnerships/ayrshire/contacts/new")]
    [InlineData("/manage/partnerships/ayrshire/routes")]
    [InlineData("/manage/partnerships/ayrshire/routes/new")]
    [InlineData("/manage/partnerships/ayrshire/tsis")]
    [InlineData("/manage/partnerships/ayrshire/history")]
    [InlineData("/manage/partnerships/ayrshire/documents")]
    [InlineData("/manage/partnerships/ayrshire/plans")]
    [InlineData("/manage/partnerships/ayrshire/plans/new")]
    [InlineData("/manage/partnerships/ayrshire/returns")]
    [InlineData("/manage/partnerships/ayrshire/returns/2024")]
    [InlineData("/manage/partnerships/ayrshire/review")]
    [InlineData("/manage/partnerships/ayrshire/review/confirmed")]
    [InlineData("/manage/organisations")]
    public async Task Get_ManagePageForSignedInCoordinator_HasNoAccessibilityViolations(string path)
    {
        // Arrange
        await using var session = await portal.OpenAsCoordinatorAsync();

        // Act
        var response = await session.Page.GotoAsync(path);

        // Assert
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.NotEqual(string.Empty, (await session.Page.TitleAsync()).Trim());
        await AxeAssert.NoViolationsAsync(session.Page);
    }

    [Theory]
    [InlineData("/manage/partnerships/ayrshire/contacts", "/manage/partnerships/ayrshire/contacts/")]
    [InlineData("/manage/partnerships/ayrshire/routes", "/manage/partnerships/ayrshire/routes/")]
    [InlineData("/manage/partnerships/ayrshire/tsis", "/manage/partnerships/ayrshire/tsis/")]
    [InlineData("/manage/partnerships/ayrshire/plans", "/manage/partnerships/ayrshire/plans/")]
    public async Task Get_EditPageOfFirstItemForSignedInCoordinator_HasNoAccessibilityViolations(string listPath, string itemPrefix)
    {
        // Arrange
        await using var session = await portal.OpenAsCoordinatorAsync();
        var page = session.Page;
        await page.GotoAsync(listPath);
        var firstItem = page.Locator($"h2 a[href^='{itemPrefix}'], li > a[href^='{itemPrefix}']").First;
        var href = await firstItem.GetAttributeAsync("href");
        Assert.Matches(@"/\d+$", href);

        // Act
        var response = await page.GotoAsync(href!);

        // Assert
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.NotEqual(string.Empty, (await page.TitleAsync()).Trim());
        await AxeAssert.NoViolationsAsync(page);
    }

    [Theory]
    [InlineData("/manage/partnerships/ayrshire/contacts", "/remove")]
    [InlineData("/manage/partnerships/ayrshire/routes", "/delete")]
    public async Task Get_ConfirmationPageOfFirstItemForSignedInCoordinator_HasNoAccessibilityViolations(string listPath, string suffix)
    {
        // Arrange
        await using var session = await portal.OpenAsCoordinatorAsync();
        var page = session.Page;
        await page.GotoAsync(listPath);
        var href = await page.Locator($"main a[href$='{suffix}']").First.GetAttributeAsync("href");
        Assert.Matches(@"/\d+/(remove|delete)$", href);

        // Act
        var response = await page.GotoAsync(href!);

        // Assert
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("Are you sure", (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())?.Trim(), StringComparison.Ordinal);
        await AxeAssert.NoViolationsAsync(page);
    }
}

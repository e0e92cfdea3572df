using CjpPortal.BrowserTests.Infrastructure;
using CjpPortal.Web.Pages.Organisations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>Every public page, as a visitor first sees it, passes axe-core's WCAG 2.2 A and AA rules.</summary>
[Collection(PortalCollection.Name)]
public sealed class AccessibilityTests(PortalFixture portal)
{
    [Theory]
    [InlineData("/", 200)]
    [InlineData("/partnerships", 200)]
    [InlineData("/partnerships/falkirk", 200)]
    [InlineData("/partnerships/ayrshire", 200)]
    [InlineData("/partnerships/western-isles", 200)]
    [InlineData("/find?q=Lanarkshire", 200)]
    [InlineData("/find?q=", 400)]
    [InlineData("/directory", 200)]
    [InlineData("/directory/editions", 200)]
    [InlineData("/directory?area=S12000014", 200)]
    [InlineData("/map", 200)]
    [InlineData("/consultations", 200)]
    [InlineData("/compare", 200)]
    [InlineData("/compare?areas=S12000014,S12000021,S12000023", 200)]
    [InlineData("/compare?areas=S12000014", 400)]
    [InlineData("/participation-statements", 200)]
    [InlineData("/engagement", 200)]
    [InlineData("/engagement?year=2024", 200)]
    [InlineData("/engagement?year=1999", 400)]
    [InlineData("/organisations", 200)]
    [InlineData("/organisations?q=mentle+health&theme=mental-health", 200)]
    [InlineData("/organisations?theme=astrology", 400)]
    [InlineData("/organisations/new", 200)]
    [InlineData("/organisations/new/check-your-email", 200)]
    [InlineData("/organisations/new/confirmed", 200)]
    [InlineData("/organisations/1/edit?token=not-a-token", 404)]
    [InlineData("/organisations/1/confirm?token=not-a-token", 404)]
    [InlineData("/about", 200)]
    [InlineData("/accessibility", 200)]
    [InlineData("/privacy", 200)]
    [InlineData("/subscribe", 200)]
    [InlineData("/subscribe?partnership=falkirk", 200)]
    [InlineData("/subscriptions/confirm?token=not-a-token", 400)]
    [InlineData("/subscriptions/manage?token=not-a-token", 400)]
    [InlineData("/subscriptions/delete?token=not-a-token", 400)]
    [InlineData("/subscriptions/unsubscribe?token=not-a-token", 400)]
    [InlineData("/report-a-problem?partnership=falkirk", 200)]
    [InlineData("/report-a-problem/sent?partnership=falkirk", 200)]
    [InlineData("/updates", 200)]
    [InlineData("/partnerships/falkirk/updates", 200)]
    [InlineData("/partnerships/does-not-exist", 404)]
    public async Task Get_PublicPage_HasNoAccessibilityViolations(string path, int expectedStatus)
    {
        // Arrange
        await using var session = await portal.OpenAsync();

        // Act
        var response = await session.Page.GotoAsync(path);

        // Assert
        Assert.NotNull(response);
        Assert.Equal(expectedStatus, response.Status);
        Assert.NotEqual(string.Empty, (await session.Page.TitleAsync()).Trim());
        await AxeAssert.NoViolationsAsync(session.Page);
    }

    /// <summary>The list above has the confirmation page only with a bad link (404); here it is as its owner sees it
    /// from the review e-mail, for a listing out of date, and again once they have confirmed it.</summary>
    [Fact]
    public async Task Get_ListingConfirmationWithAValidLink_AndAfterConfirming_HasNoAccessibilityViolations()
    {
        // Arrange
        var id = await portal.CreatePublishedListingAsync($"Carron Valley Wellbeing Circle {Guid.NewGuid().ToString("N")[..6]}", monthsSinceConfirmed: 14);
        try
        {
            var link = await portal.ConfirmationLinkAsync(id);
            await using var session = await portal.OpenAsync();
            var page = session.Page;

            // Act
            var response = await page.GotoAsync(link);

            // Assert
            Assert.NotNull(response);
            Assert.Equal(200, response.Status);
            await Expect(page.Locator("#freshness")).ToContainTextAsync("may be out of date");
            await AxeAssert.NoViolationsAsync(page);

            // Act: confirm
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, it is still right" }).ClickAsync();

            // Assert
            await Expect(page.Locator("#banner")).ToContainTextAsync(ConfirmModel.ConfirmedBanner);
            await Expect(page.Locator("#freshness")).ToContainTextAsync("The listing was last confirmed on");
            Assert.NotEqual(string.Empty, (await page.TitleAsync()).Trim());
            await AxeAssert.NoViolationsAsync(page);
        }
        finally
        {
            await portal.DeleteListingAsync(id);
        }
    }
}

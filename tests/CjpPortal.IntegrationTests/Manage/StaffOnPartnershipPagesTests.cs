using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>CJS staff on a partnership's editing pages: the way back leads to the national page they came from (they
/// cannot open /manage), and the public page says who confirmed the entry.</summary>
public sealed class StaffOnPartnershipPagesTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Slug = "falkirk";

    private async Task<HttpClient> SignInAsync(string role, params string[] slugs)
    {
        var user = await Fixture.CreateUserAsync(role, slugs);
        return Fixture.CreateClientAs(user.Id);
    }

    [Fact]
    public async Task Get_PartnershipEditingPageAsCjsStaff_LinksBackToTheNationalPartnershipPage()
    {
        // Arrange
        using var staff = await SignInAsync(Roles.CjsStaff);

        // Act
        var page = await staff.GetDocumentAsync($"/manage/partnerships/{Slug}");

        // Assert
        Assert.Null(page.Document.QuerySelector("main a[href='/manage']"));
        Assert.NotNull(page.Document.QuerySelector($"main a[href='/national/partnerships/{Slug}']"));
    }

    [Fact]
    public async Task Get_PartnershipEditingPageAsCoordinator_LinksBackToTheirPartnerships()
    {
        // Arrange
        using var coordinator = await SignInAsync(Roles.Coordinator, Slug);

        // Act
        var page = await coordinator.GetDocumentAsync($"/manage/partnerships/{Slug}");

        // Assert
        Assert.NotNull(page.Document.QuerySelector("main a[href='/manage']"));
        Assert.Null(page.Document.QuerySelector($"main a[href='/national/partnerships/{Slug}']"));
    }

    [Fact]
    public async Task Post_ConfirmAsCjsStaff_PublicPageSaysCjsConfirmedOnThePartnershipsBehalf()
    {
        // Arrange
        using var staff = await SignInAsync(Roles.CjsStaff);
        var page = await staff.GetDocumentAsync($"/manage/partnerships/{Slug}");

        // Act
        await staff.SubmitAsync(page, new Dictionary<string, string>(), "#confirm-form");
        await Fixture.EvictCachesAsync();
        var shown = await Fixture.CreateClient().GetDocumentAsync($"/partnerships/{Slug}");

        // Assert
        Assert.Contains("Checked by Community Justice Scotland on behalf of the partnership", shown.One("#last-confirmed").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ConfirmAsCoordinator_PublicPageSaysThePartnershipConfirmed()
    {
        // Arrange
        using var staff = await SignInAsync(Roles.CjsStaff);
        using var coordinator = await SignInAsync(Roles.Coordinator, Slug);
        await staff.SubmitAsync(await staff.GetDocumentAsync($"/manage/partnerships/{Slug}"), new Dictionary<string, string>(), "#confirm-form");
        var page = await coordinator.GetDocumentAsync($"/manage/partnerships/{Slug}");

        // Act
        await coordinator.SubmitAsync(page, new Dictionary<string, string>(), "#confirm-form");
        await Fixture.EvictCachesAsync();
        var shown = await Fixture.CreateClient().GetDocumentAsync($"/partnerships/{Slug}");

        // Assert
        var text = shown.One("#last-confirmed").TextOf();
        Assert.Contains("Checked by the partnership on", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Community Justice Scotland", text, StringComparison.Ordinal);
    }
}

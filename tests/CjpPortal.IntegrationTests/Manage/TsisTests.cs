using System.Globalization;
using System.Net;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>/manage/partnerships/{slug}/tsis: the Third Sector Interface of each council area the partnership covers.</summary>
[Collection(PortalCollection.Name)]
public sealed class TsisTests(PortalFixture fixture) : IAsyncLifetime
{
    // Before each test, so a row another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_AyrshireList_ShowsEachCouncilAreasTsi()
    {
        // Arrange
        using var client = await SignInAsync(fixture, CjpPortal.Core.Identity.Roles.Coordinator, "ayrshire");

        // Act
        var page = await client.GetDocumentAsync("/manage/partnerships/ayrshire/tsis");

        // Assert
        var text = page.One("#areas").TextOf();
        Assert.Contains("East Ayrshire Third Sector Interface", text, StringComparison.Ordinal);
        Assert.Contains("North Ayrshire Third Sector Interface", text, StringComparison.Ordinal);
        Assert.Contains("South Ayrshire Third Sector Interface", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EditTsi_ShowsOnPublicPageAndInHistory()
    {
        // Arrange
        var areaId = await AreaIdAsync();
        await DataReset.EvictCachesAsync(fixture.AccountsFactory().Services);
        using var reader = fixture.CreateAccountsClient();
        await reader.GetDocumentAsync($"/partnerships/{Partnership}");
        using var client = await CoordinatorAsync(fixture);
        var form = await client.GetDocumentAsync($"/manage/partnerships/{Partnership}/tsis/{areaId}");

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("Name", "Falkirk Voluntary Action Hub")));
        var publicAfter = await reader.GetDocumentAsync($"/partnerships/{Partnership}");
        var history = await client.GetDocumentAsync($"/manage/partnerships/{Partnership}/history");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Falkirk Voluntary Action Hub", publicAfter.Text, StringComparison.Ordinal);
        Assert.Contains("Falkirk Voluntary Action Hub", history.One("#history").TextOf(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name", "", "Enter the name")]
    [InlineData("Website", "http://tsi.example.org", "https://")]
    [InlineData("Phone", "12345", "UK telephone number")]
    public async Task Post_InvalidField_Returns400WithErrorOnField(string field, string value, string message)
    {
        // Arrange
        var areaId = await AreaIdAsync();
        using var client = await CoordinatorAsync(fixture);
        var form = await client.GetDocumentAsync($"/manage/partnerships/{Partnership}/tsis/{areaId}");

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, (field, value)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(message, page.One($"#{field}-error").TextOf(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Get_CouncilAreaOfAnotherPartnership_Returns404()
    {
        // Arrange
        var otherArea = await fixture.WithDbContextAsync(db => db.CouncilAreas.Where(a => a.Partnership.Slug == OtherPartnership).Select(a => a.Id).FirstAsync());
        using var client = await CoordinatorAsync(fixture);

        // Act
        var response = await client.GetAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"/manage/partnerships/{Partnership}/tsis/{otherArea}"), UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<int> AreaIdAsync() => fixture.WithDbContextAsync(db => db.CouncilAreas.Where(a => a.Partnership.Slug == Partnership).Select(a => a.Id).FirstAsync());
}

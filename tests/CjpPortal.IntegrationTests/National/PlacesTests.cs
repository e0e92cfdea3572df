using System.Globalization;
using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.TestCommon.HtmlAssertions;

namespace CjpPortal.IntegrationTests.National;

/// <summary>/national/places: CJS staff add and correct the towns, villages and islands that /find knows.</summary>
public sealed class PlacesTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private async Task<HttpClient> StaffAsync()
    {
        var user = await Fixture.CreateUserAsync(Roles.CjsStaff);
        return Fixture.CreateClientAs(user.Id);
    }

    private Task<int> AreaIdAsync(string name) =>
        Fixture.WithDbContextAsync(db => db.CouncilAreas.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private Task<int> PlaceIdAsync(string name, string area) =>
        Fixture.WithDbContextAsync(db => db.Places.Where(p => p.Name == name && p.CouncilArea.Name == area).Select(p => p.Id).SingleAsync());

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Get_AsCjsStaff_ListsSeededPlacesWithTheirCouncilAreas()
    {
        // Arrange
        using var client = await StaffAsync();

        // Act
        var page = await client.GetDocumentAsync("/national/places");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var rows = page.Document.QuerySelectorAll("#places tbody tr").Select(r => r.TextOf()).ToList();
        Assert.True(rows.Count > 380, $"Expected the seeded places, found {rows.Count} rows.");
        Assert.Contains(rows, r => r.StartsWith("Paisley Renfrewshire Change", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("Tarbert Argyll and Bute Change", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("Tarbert Na h-Eileanan Siar Change", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_NewPlace_IsSavedAndFoundBySearch()
    {
        // Arrange
        using var client = await StaffAsync();
        var form = await client.GetDocumentAsync("/national/places/new");
        var falkirk = await AreaIdAsync("Falkirk");

        // Act
        var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Name"] = "  Brigadoon ", ["CouncilAreaId"] = Invariant(falkirk) });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetDocumentAsync(response.Response.Headers.Location!.OriginalString);
        Assert.Contains("Brigadoon has been added", list.Text, StringComparison.Ordinal);
        var search = await Fixture.Client.GetAsync(new Uri("/find?q=brigadoon", UriKind.Relative));
        Assert.Equal("/partnerships/falkirk", search.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("", "Enter the place’s name")]
    [InlineData("   ", "Enter the place’s name")]
    public async Task Post_NewPlaceWithoutName_Returns400WithErrorAndSavesNothing(string name, string message)
    {
        // Arrange
        using var client = await StaffAsync();
        var form = await client.GetDocumentAsync("/national/places/new");
        var before = await Fixture.WithDbContextAsync(db => db.Places.CountAsync());

        // Act
        var page = await client.SubmitAsync(form, new Dictionary<string, string> { ["Name"] = name, ["CouncilAreaId"] = Invariant(await AreaIdAsync("Fife")) });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        AssertErrorSummaryContains(page.Document, message);
        AssertFieldError(page.Document, "Name", message);
        Assert.Equal(before, await Fixture.WithDbContextAsync(db => db.Places.CountAsync()));
    }

    [Fact]
    public async Task Post_NewPlaceWithoutCouncilArea_Returns400WithError()
    {
        // Arrange
        using var client = await StaffAsync();
        var form = await client.GetDocumentAsync("/national/places/new");

        // Act
        var page = await client.SubmitAsync(form, new Dictionary<string, string> { ["Name"] = "Brigadoon", ["CouncilAreaId"] = "" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        AssertFieldError(page.Document, "CouncilAreaId", "Choose the council area");
    }

    [Fact]
    public async Task Post_NewPlaceWithUnknownCouncilArea_Returns400WithError()
    {
        // Arrange
        using var client = await StaffAsync();
        var form = await client.GetDocumentAsync("/national/places/new");

        // Act
        var page = await client.SubmitAsync(form, new Dictionary<string, string> { ["Name"] = "Brigadoon", ["CouncilAreaId"] = "999999" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        AssertFieldError(page.Document, "CouncilAreaId", "Choose the council area");
    }

    [Fact]
    public async Task Post_NewPlaceAlreadyInThatArea_Returns400WithErrorOnTheName()
    {
        // Arrange
        using var client = await StaffAsync();
        var form = await client.GetDocumentAsync("/national/places/new");

        // Act: names compare without regard to case.
        var page = await client.SubmitAsync(form, new Dictionary<string, string> { ["Name"] = "PAISLEY", ["CouncilAreaId"] = Invariant(await AreaIdAsync("Renfrewshire")) });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        AssertFieldError(page.Document, "Name", "Renfrewshire already has a place called Paisley");
    }

    [Fact]
    public async Task Post_SameNameInAnotherArea_IsSaved()
    {
        // Arrange: a second Newburgh-style name.
        using var client = await StaffAsync();
        var form = await client.GetDocumentAsync("/national/places/new");

        // Act
        var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Name"] = "Paisley", ["CouncilAreaId"] = Invariant(await AreaIdAsync("Highland")) });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await Fixture.WithDbContextAsync(db => db.Places.CountAsync(p => p.Name == "Paisley")));
    }

    [Fact]
    public async Task Post_EditPlace_MovesItAndSearchFollows()
    {
        // Arrange: Skye corrected to a (wrong, for the test) council area.
        using var client = await StaffAsync();
        var id = await PlaceIdAsync("Skye", "Highland");
        var form = await client.GetDocumentAsync($"/national/places/{id}");
        Assert.Equal("Skye", form.Document.QuerySelector("#Name")?.GetAttribute("value"));

        // Act
        var response = await client.SubmitAsync(form, new Dictionary<string, string> { ["Name"] = "Isle of Skye", ["CouncilAreaId"] = Invariant(await AreaIdAsync("Moray")) });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var search = await Fixture.Client.GetAsync(new Uri("/find?q=isle%20of%20skye", UriKind.Relative));
        Assert.Equal("/partnerships/moray", search.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Post_EditPlaceToEmptyName_Returns400AndKeepsTheOldName()
    {
        // Arrange
        using var client = await StaffAsync();
        var id = await PlaceIdAsync("Skye", "Highland");
        var form = await client.GetDocumentAsync($"/national/places/{id}");

        // Act
        var page = await client.SubmitAsync(form, new Dictionary<string, string> { ["Name"] = "" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        AssertFieldError(page.Document, "Name", "Enter the place’s name");
        Assert.Equal("Skye", await Fixture.WithDbContextAsync(db => db.Places.Where(p => p.Id == id).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task Get_UnknownPlace_Returns404()
    {
        // Arrange
        using var client = await StaffAsync();

        // Act
        var response = await client.GetAsync(new Uri("/national/places/999999", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

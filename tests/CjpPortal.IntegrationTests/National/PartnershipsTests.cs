using System.Globalization;
using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.IntegrationTests.Manage;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.National;

/// <summary>/national/partnerships, /national/partnerships/{slug} and /national/partnerships/{slug}/name: CJS staff
/// see every partnership and rename one; the public pages and search show the new name at once.</summary>
[Collection(PortalCollection.Name)]
public sealed class PartnershipsTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string Slug = "falkirk";
    private const string SeededName = "Falkirk Community Justice Partnership";
    private const string NameUrl = $"/national/partnerships/{Slug}/name";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_List_ShowsEveryPartnershipWithItsAreas()
    {
        // Arrange
        using var client = await StaffAsync(fixture);

        // Act
        var page = await client.GetDocumentAsync("/national/partnerships");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Partnerships", page.One("h1").TextOf());
        Assert.Equal(30, page.Document.QuerySelectorAll("#partnerships tbody tr").Length);
        var ayrshire = page.One("#partnership-ayrshire");
        Assert.Equal("/national/partnerships/ayrshire", ayrshire.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains("East Ayrshire, North Ayrshire, South Ayrshire", ayrshire.TextOf(), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a[href='/national']"));
    }

    [Fact]
    public async Task Get_List_ShowsCoordinatorsEmailOrNoneAndLastConfirmedOrNever()
    {
        // Arrange
        await fixture.WithDbContextAsync(async db =>
        {
            (await db.Partnerships.SingleAsync(p => p.Slug == Slug)).LastConfirmedOn = null;
            (await db.Partnerships.SingleAsync(p => p.Slug == "orkney")).LastConfirmedOn = new DateOnly(2026, 3, 3);
            await db.SaveChangesAsync();
        });
        using var coordinator = await ManageUsers.CoordinatorAsync(fixture, Slug);
        var email = await fixture.WithDbContextAsync(db => db.PartnershipCoordinators
            .Where(c => c.Partnership!.Slug == Slug).Select(c => c.User!.Email!).SingleAsync());
        using var client = await StaffAsync(fixture);

        // Act
        var page = await client.GetDocumentAsync("/national/partnerships");

        // Assert
        var falkirk = page.One("#partnership-falkirk").QuerySelectorAll("td");
        Assert.Equal(email, falkirk[1].TextOf());
        Assert.Equal("Never", falkirk[2].TextOf());
        var orkney = page.One("#partnership-orkney").QuerySelectorAll("td");
        Assert.Equal("None", orkney[1].TextOf());
        Assert.Equal("3 March 2026", orkney[2].TextOf());
    }

    [Fact]
    public async Task Get_Show_ShowsNamePublicAddressAreasCoordinatorsAndLinks()
    {
        // Arrange
        using var coordinator = await ManageUsers.SignInAsync(fixture, Roles.Coordinator, "ayrshire");
        var userId = await fixture.WithDbContextAsync(db => db.PartnershipCoordinators
            .Where(c => c.Partnership!.Slug == "ayrshire").Select(c => c.UserId).SingleAsync());
        using var client = await StaffAsync(fixture);

        // Act
        var page = await client.GetDocumentAsync("/national/partnerships/ayrshire");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Community Justice Ayrshire", page.One("#name").TextOf());
        Assert.Equal("East Ayrshire, North Ayrshire, South Ayrshire", page.One("#areas").TextOf());
        Assert.NotNull(page.One("#public-url").QuerySelector("a[href='/partnerships/ayrshire']"));
        Assert.Contains("stays the same when the partnership is renamed", page.One("#public-url").TextOf(), StringComparison.Ordinal);
        Assert.NotNull(page.One("#coordinators").QuerySelector($"a[href='/national/coordinators/{userId}']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/national/partnerships/ayrshire/name']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/national/partnerships/ayrshire/areas']"));
        Assert.Equal("Edit this partnership’s public page", page.One("a[href='/manage/partnerships/ayrshire']").TextOf());
        Assert.Equal("History of changes", page.One("a[href='/manage/partnerships/ayrshire/history']").TextOf());
    }

    [Theory]
    [InlineData("/national/partnerships/no-such-partnership")]
    [InlineData("/national/partnerships/no-such-partnership/name")]
    [InlineData("/national/partnerships/no-such-partnership/areas")]
    public async Task Get_UnknownSlug_Returns404(string url)
    {
        // Arrange
        using var client = await StaffAsync(fixture);

        // Act
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_NewName_RenamesEverywhereAtOnceKeepsAddressAndRecordsHistory()
    {
        // Arrange
        const string newName = "Braes and Carse Justice Network";
        await DataReset.EvictCachesAsync(fixture.AccountsFactory().Services);
        using var reader = fixture.CreateAccountsClient();
        var publicBefore = await reader.GetDocumentAsync($"/partnerships/{Slug}");
        using var client = await StaffAsync(fixture);
        var form = await client.GetDocumentAsync(NameUrl);

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("Name", "  " + newName + " ")));
        var show = await client.GetDocumentAsync(saved.Response.Headers.Location!.OriginalString);
        var publicAfter = await reader.GetDocumentAsync($"/partnerships/{Slug}");
        var found = await reader.GetAsync(new Uri($"/find?q={Uri.EscapeDataString(newName)}", UriKind.Relative));
        var directory = await reader.GetStringAsync(new Uri("/directory.csv", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/national/partnerships/{Slug}", saved.Response.Headers.Location!.OriginalString);
        Assert.Equal($"The partnership has been renamed to {newName}.", show.One("#banner").TextOf());
        Assert.Equal(SeededName, publicBefore.One("h1").TextOf());
        Assert.Equal(HttpStatusCode.OK, publicAfter.StatusCode);
        Assert.Equal(newName, publicAfter.One("h1").TextOf());
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Equal($"/partnerships/{Slug}", found.Headers.Location?.OriginalString);
        Assert.Contains(newName, directory, StringComparison.Ordinal);
        var entry = Assert.Single(await fixture.WithDbContextAsync(db => db.AuditEntries.Where(a => a.Field == "Name").ToListAsync()));
        Assert.Equal("Partnership", entry.Entity);
        Assert.Equal(SeededName, entry.OldValue);
        Assert.Equal(newName, entry.NewValue);
        Assert.Equal(entry.EntityId, entry.PartnershipId);
        Assert.Equal(Slug, await fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Name == newName).Select(p => p.Slug).SingleAsync()));
    }

    [Theory]
    [InlineData("", "Enter the partnership’s name")]
    [InlineData("   ", "Enter the partnership’s name")]
    [InlineData(null, "200 characters or fewer")]
    [InlineData("fife COMMUNITY justice partnership", "Another partnership is already called “Fife Community Justice Partnership”")]
    public async Task Post_InvalidName_Returns400WithErrorOnFieldAndSavesNothing(string? name, string message)
    {
        // Arrange
        using var client = await StaffAsync(fixture);
        var form = await client.GetDocumentAsync(NameUrl);

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("Name", name ?? new string('a', 201))));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.StartsWith("Error: ", page.Document.Title, StringComparison.Ordinal);
        HtmlAssertions.AssertFieldError(page.Document, "Name", message);
        Assert.Equal(SeededName, await NameAsync());
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Post_NameOfExactly200Characters_Saves()
    {
        // Arrange
        var name = new string('b', 200);
        using var client = await StaffAsync(fixture);
        var form = await client.GetDocumentAsync(NameUrl);

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("Name", name)));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(name, await NameAsync());
    }

    [Fact]
    public async Task Post_StaleVersion_Returns409ShowingSavedNameAndKeepsIt()
    {
        // Arrange: two people open the form, the first renames
        using var first = await StaffAsync(fixture);
        using var second = await StaffAsync(fixture);
        var firstForm = await first.GetDocumentAsync(NameUrl);
        var secondForm = await second.GetDocumentAsync(NameUrl);
        var firstSave = await first.SubmitAsync(firstForm, EditForms.Filled(firstForm, ("Name", "First new name")));

        // Act
        var secondSave = await second.SubmitAsync(secondForm, EditForms.Filled(secondForm, ("Name", "Second new name")));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        Assert.Contains("Someone else changed this partnership", secondSave.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Contains("What is saved now: The name is now “First new name” (you entered “Second new name”)", secondSave.One("#conflicts").TextOf(), StringComparison.Ordinal);
        Assert.Equal("First new name", await NameAsync());
        Assert.Equal(1, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync(a => a.Field == "Name")));
    }

    [Theory]
    [InlineData("/national/partnerships")]
    [InlineData($"/national/partnerships/{Slug}")]
    [InlineData(NameUrl)]
    [InlineData($"/national/partnerships/{Slug}/areas")]
    public async Task Get_AsCoordinator_IsForbidden(string url)
    {
        // Arrange
        using var client = await ManageUsers.CoordinatorAsync(fixture, Slug);

        // Act
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        // Assert
        Assert.True(IsForbidden(response), $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Theory]
    [InlineData("/national/partnerships")]
    [InlineData($"/national/partnerships/{Slug}/areas")]
    public async Task Get_Anonymous_RedirectsToSignIn(string url)
    {
        // Arrange
        using var client = fixture.CreateAccountsClient();

        // Act
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RenameAsCoordinator_IsForbiddenAndChangesNothing()
    {
        // Arrange
        using var client = await ManageUsers.CoordinatorAsync(fixture, Slug);
        var fields = await CoordinatorTokenAsync(client);
        fields["Name"] = "Renamed by a coordinator";
        fields["Version"] = (await ManageUsers.VersionAsync(fixture, Slug)).ToString(CultureInfo.InvariantCulture);

        // Act
        var page = await client.PostFormAsync(NameUrl, fields);

        // Assert
        Assert.True(IsForbidden(page.Response), $"{(int)page.StatusCode} {page.Response.Headers.Location}");
        Assert.Equal(SeededName, await NameAsync());
    }

    internal static Task<HttpClient> StaffAsync(PortalFixture fixture) => ManageUsers.SignInAsync(fixture, Roles.CjsStaff);

    internal static bool IsForbidden(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/status/403", StringComparison.Ordinal) == true);

    /// <summary>An antiforgery token the coordinator's own form carries, so a refusal is the authorization rule's.</summary>
    internal static async Task<Dictionary<string, string>> CoordinatorTokenAsync(HttpClient coordinator)
    {
        var page = await coordinator.GetDocumentAsync($"/manage/partnerships/{ManageUsers.Partnership}/details");
        var token = page.Document.QuerySelector($"input[name={Forms.AntiforgeryField}]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token));
        return new Dictionary<string, string>(StringComparer.Ordinal) { [Forms.AntiforgeryField] = token };
    }

    private Task<string> NameAsync() =>
        fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == Slug).Select(p => p.Name).SingleAsync());
}

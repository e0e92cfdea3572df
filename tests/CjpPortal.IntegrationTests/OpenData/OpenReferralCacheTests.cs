using System.Net;
using System.Text.Json;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Organisations;
using CjpPortal.IntegrationTests.Manage;
using CjpPortal.TestCommon;
using CjpPortal.Web.Pages.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.OpenData;

/// <summary>/api/openreferral/v3/services keeps the ids its words match (services and engagement routes) in the
/// listing index: the same list again runs no word match and no count, and gives the same answer; an edit of a
/// service or a route evicts the index, and the next list shows it.</summary>
public sealed class OpenReferralCacheTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Services = "/api/openreferral/v3/services";

    /// <summary>How the page's routes are read (ServiceLoader): by id, not by words or filters.</summary>
    private const string LoadByIds = "e.id = ANY (@routeIds)";

    [Fact]
    public async Task Get_SameSearchTwice_SameAnswerWithoutMatchingOrCountingInSqlTheSecondTime()
    {
        // Arrange
        await Fixture.CreateOrganisationAsync("Falkirk Wellbeing", areas: ["Falkirk"], themes: [Theme.MentalHealth],
            services: [
                new TestService("Peer support group", "Weekly peer support for adults."),
                new TestService("Counselling", "One-to-one counselling."),
            ]);
        await Fixture.CreateOrganisationAsync("Scotland Listening", allOfScotland: true, themes: [Theme.VictimsAndWitnesses],
            services: [new TestService("Listening line", "Telephone peer support for victims of crime.")]);
        await Fixture.CreateRouteAsync("falkirk", "Falkirk peer support forum");
        await Fixture.CreateRouteAsync("fife", "Fife justice forum");
        var client = Fixture.CreateClient();
        using var sql = await SqlLog.StartAsync(Fixture.Database.Name);

        // Act: the words, then all services (routes counted and paged with no words) and a later page
        var first = await GetAsync(client, $"{Services}?search=peer+support");
        var firstSql = sql.Take();
        var second = await GetAsync(client, $"{Services}?search=peer+support");
        var secondSql = sql.Take();
        var all = await GetAsync(client, $"{Services}?per_page=2&page=2");
        var allSql = sql.Take();
        var allAgain = await GetAsync(client, $"{Services}?per_page=2&page=2");
        var allAgainSql = sql.Take();

        // Assert
        Assert.Equal(["Falkirk peer support forum", "Listening line", "Peer support group"], Names(first).Order(StringComparer.Ordinal));
        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Contains(firstSql, c => c.Contains("FROM organisation_services", StringComparison.Ordinal) && c.Contains("plainto_tsquery", StringComparison.Ordinal));
        Assert.Contains(firstSql, c => c.Contains("FROM engagement_routes", StringComparison.Ordinal) && c.Contains("plainto_tsquery", StringComparison.Ordinal));
        Assert.Contains(allSql, c => c.Contains("FROM engagement_routes", StringComparison.Ordinal) && !c.Contains(LoadByIds, StringComparison.Ordinal));
        Assert.Equal(5, all.GetProperty("total_items").GetInt32());
        Assert.Equal(all.GetRawText(), allAgain.GetRawText());
        // The second time, only the page's routes are read (the services' details come from the index).
        Assert.All(secondSql, c => Assert.Contains(LoadByIds, c, StringComparison.Ordinal));
        Assert.All(allAgainSql, c => Assert.Contains(LoadByIds, c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_ServiceEditAddingTheWords_NextListFindsTheService()
    {
        // Arrange: listed before the edit, so the empty answer is kept
        var listing = await Fixture.CreateOrganisationAsync("Larbert Wellbeing Trust", areas: ["Falkirk"], themes: [Theme.MentalHealth],
            services: [new TestService("Drop-in", "Weekly drop-in sessions.")]);
        var client = Fixture.CreateClient();
        var before = await GetAsync(client, $"{Services}?search=befriending");
        var token = Fixture.Factory.Services.GetRequiredService<OrganisationLinks>().EditToken(listing);
        var form = await client.GetDocumentAsync(OwnerPages.ServicePath(listing.Id, Assert.Single(listing.Services).Id, token));

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("Description", "Weekly befriending sessions.")));
        var after = await GetAsync(client, $"{Services}?search=befriending");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(0, before.GetProperty("total_items").GetInt32());
        Assert.Equal(1, after.GetProperty("total_items").GetInt32());
        Assert.Equal(["Drop-in"], Names(after));
    }

    [Fact]
    public async Task Post_DeactivateARouteTheWordsMatch_NextListCountsAndShowsItNoMore()
    {
        // Arrange: on the host where the route is deactivated (it evicts its own caches at once; others hear by NOTIFY)
        var forum = await Fixture.CreateRouteAsync("falkirk", "Falkirk peer support forum");
        await Fixture.CreateRouteAsync("falkirk", "Falkirk peer mentoring forum");
        var coordinator = await Fixture.CreateUserAsync(Roles.Coordinator, "falkirk");
        using var editor = Fixture.CreateClientAs(coordinator.Id);
        using var client = Fixture.CreateAccountsClient();
        var before = await GetAsync(client, $"{Services}?search=peer+forum");
        var list = await editor.GetDocumentAsync("/manage/partnerships/falkirk/routes");

        // Act
        var done = await editor.ClickAsync(list, $"#route-{forum.Id} button[formaction*='handler=Deactivate']");
        var after = await GetAsync(client, $"{Services}?search=peer+forum");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(2, before.GetProperty("total_items").GetInt32());
        Assert.Equal(1, after.GetProperty("total_items").GetInt32());
        Assert.Equal(["Falkirk peer mentoring forum"], Names(after));
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static List<string> Names(JsonElement page) =>
        [.. page.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("name").GetString()!)];
}

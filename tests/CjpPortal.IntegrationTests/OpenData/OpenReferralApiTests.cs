using System.Net;
using System.Text.Json;
using CjpPortal.Core.Organisations;
using CjpPortal.TestCommon;
using CjpPortal.Web.Api.OpenReferral;

namespace CjpPortal.IntegrationTests.OpenData;

/// <summary>/api/openreferral/v3: every endpoint answers open to every origin with no nulls, in the shapes of the
/// Open Referral UK schemas; pages are consistent; filters combine with AND; bad paging is 400 and unknown ids 404,
/// in JSON; unpublished listings are not served.</summary>
public sealed class OpenReferralApiTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Base = "/api/openreferral/v3";

    private async Task<Organisation> SeedAsync()
    {
        await Fixture.CreateOrganisationAsync("Mind the Gap Falkirk", areas: ["Falkirk", "Stirling"], themes: [Theme.MentalHealth],
            website: "https://mindthegap.example.org",
            services: [
                new TestService("Wellbeing drop-in", "Weekly drop-in for anyone feeling anxious.", Themes: [Theme.MentalHealth], Email: "dropin@example.org"),
                new TestService("Family counselling", "Counselling for families of people in prison.", Themes: [Theme.Families, Theme.MentalHealth]),
            ]);
        await Fixture.CreateOrganisationAsync("Restore Scotland", allOfScotland: true, themes: [Theme.RestorativeJustice],
            services: [new TestService("Restorative conferencing", "Conferencing between victims and people who have harmed.")]);
        var draft = await Fixture.CreateOrganisationAsync("Hidden Draft", areas: ["Fife"], themes: [Theme.MentalHealth],
            status: OrganisationStatus.AwaitingModeration, services: [new TestService("Secret drop-in", "Mental health, not yet approved.")]);
        await Fixture.CreateRouteAsync("falkirk", "Falkirk third-sector forum");
        await Fixture.CreateRouteAsync("ayrshire", "Ayrshire justice forum");
        return draft;
    }

    [Fact]
    public async Task Get_Root_ReturnsVersionProfileAndOpenApiUrl()
    {
        // Act
        var (response, json) = await GetJsonAsync(Base + "/");

        // Assert
        AssertOpenAndNoNulls(response, json);
        Assert.Equal("HSDS-UK-3.0", json.GetProperty("version").GetString());
        Assert.StartsWith("https://", json.GetProperty("profile").GetString(), StringComparison.Ordinal);
        var openApiUrl = new Uri(json.GetProperty("openapi_url").GetString()!);
        Assert.True(openApiUrl.IsAbsoluteUri);
        Assert.Equal(Base + "/openapi.json", openApiUrl.AbsolutePath);
    }

    [Fact]
    public async Task Get_OpenApi_IsTheProfileWithOurServer()
    {
        // Act
        var (response, json) = await GetJsonAsync(Base + "/openapi.json");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Cors(response));
        Assert.Equal("3.0", json.GetProperty("info").GetProperty("version").GetString());
        Assert.True(json.GetProperty("paths").TryGetProperty("/services", out _));
        var server = new Uri(json.GetProperty("servers")[0].GetProperty("url").GetString()!);
        Assert.Equal(Base, server.AbsolutePath);
    }

    [Fact]
    public async Task Get_EveryEndpoint_Returns200OpenToAnyOriginWithoutNullsAndMatchesTheSchemasInAjv()
    {
        // Arrange: besides the usual listings, one with every optional field the portal fills.
        await SeedAsync();
        await Fixture.CreateOrganisationAsync("Advice Angus", areas: ["Angus", "Dundee City"], themes: [Theme.PovertyAndMoneyAdvice, Theme.HousingAndHomelessness],
            charityNumber: "SC012345", website: "https://advice-angus.example.org",
            services: [new TestService("Money advice line", "Free advice on debt and benefits.", Themes: [Theme.PovertyAndMoneyAdvice],
                Areas: ["Angus"], WhoItIsFor: "Anyone in Angus with a conviction.", HowToAccess: "Phone or refer yourself online.",
                Email: "advice@example.org", Phone: "01234 567890", Website: "https://advice-angus.example.org/line")]);
        var client = Fixture.CreateClient();
        using var ajv = new OpenReferralAjv();
        var mentalHealth = OpenReferralIds.For(OpenReferralKind.TaxonomyTerm, (int)Theme.MentalHealth);

        async Task<JsonElement> FetchAsync(string operation, string url)
        {
            var (response, json, text) = await GetTextAsync(Base + url, client);
            AssertOpenAndNoNulls(response, json);
            ajv.Add(operation, url, text);
            return json;
        }

        async Task FetchListAndItemsAsync(string path, params string[] queries)
        {
            var all = await FetchAsync(path, path + "?per_page=100");
            Assert.NotEqual(0, all.GetProperty("contents").GetArrayLength());
            foreach (var query in queries)
            {
                await FetchAsync(path, $"{path}?{query}");
            }

            foreach (var item in all.GetProperty("contents").EnumerateArray())
            {
                var single = await FetchAsync(path + "/{id}", $"{path}/{item.GetProperty("id").GetString()}");
                Assert.Equal(item.GetProperty("id").GetString(), single.GetProperty("id").GetString());
            }
        }

        // Act: the root, every list (whole, paged, filtered, empty) and every item of each.
        await FetchAsync("/", "/");
        var taxonomies = await FetchAsync("/taxonomies", "/taxonomies");
        var taxonomy = taxonomies.GetProperty("contents")[0].GetProperty("id").GetString();
        var services = await FetchAsync("/services", "/services?search=drop-in");
        var organisation = services.GetProperty("contents")[0].GetProperty("organization_id").GetString();
        await FetchListAndItemsAsync("/services", "page=2&per_page=2", "page=9&per_page=2", "search=money%20advice",
            $"taxonomy_term_id={mentalHealth}", $"taxonomy_id={taxonomy}", $"organization_id={organisation}",
            $"search=families&taxonomy_term_id={mentalHealth}&organization_id={organisation}", "search=FORUM");
        await FetchListAndItemsAsync("/taxonomies", "page=1&per_page=1", "page=2&per_page=1");
        await FetchListAndItemsAsync("/taxonomy_terms", "page=2&per_page=5", $"taxonomy_id={taxonomy}", "page=99");
        await FetchListAndItemsAsync("/service_at_locations", "page=2&per_page=30", "search=weekly",
            $"taxonomy_term_id={mentalHealth}&search=counselling", $"organization_id={organisation}", "search=nothing-matches-this");

        // Assert
        await ajv.AssertAllMatchAsync();
    }

    [Fact]
    public async Task Get_Services_EmbedTheOrganisationAreasAndThemes()
    {
        // Arrange
        await SeedAsync();

        // Act
        var (_, page) = await GetJsonAsync(Base + "/services?per_page=100");
        var services = page.GetProperty("contents").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);

        // Assert: organisations' services and partnerships' active routes; not the draft's.
        Assert.Equal(["Ayrshire justice forum", "Falkirk third-sector forum", "Family counselling", "Restorative conferencing", "Wellbeing drop-in"],
            services.Keys.Order(StringComparer.Ordinal));
        var dropIn = services["Wellbeing drop-in"];
        Assert.Equal("active", dropIn.GetProperty("status").GetString());
        Assert.Equal("dropin@example.org", dropIn.GetProperty("email").GetString());
        var organisation = dropIn.GetProperty("organization");
        Assert.Equal("Mind the Gap Falkirk", organisation.GetProperty("name").GetString());
        Assert.Equal("https://mindthegap.example.org/", organisation.GetProperty("website").GetString());
        Assert.Equal(organisation.GetProperty("id").GetString(), dropIn.GetProperty("organization_id").GetString());
        Assert.Equal(["Falkirk", "Stirling"], dropIn.GetProperty("service_areas").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(["Mental health"], dropIn.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("taxonomy_term").GetProperty("name").GetString()));
        Assert.Equal(32, services["Restorative conferencing"].GetProperty("service_areas").GetArrayLength());
        var ayrshire = services["Ayrshire justice forum"];
        Assert.Equal(["East Ayrshire", "North Ayrshire", "South Ayrshire"],
            ayrshire.GetProperty("service_areas").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.False(ayrshire.TryGetProperty("attributes", out _));
    }

    [Fact]
    public async Task Get_ServicesPageByPage_EnvelopeIsConsistent()
    {
        // Arrange: 3 + 1 organisation services and 2 routes = 6 services, 3 pages of 2 and an empty 4th.
        await SeedAsync();
        await Fixture.CreateOrganisationAsync("Work Ready Angus", areas: ["Angus"], themes: [Theme.Employability],
            services: [new TestService("Job coaching")]);
        var client = Fixture.CreateClient();
        var seen = new List<string>();

        for (var number = 1; number <= 4; number++)
        {
            // Act
            var (response, page) = await GetJsonAsync($"{Base}/services?page={number}&per_page=2", client);

            // Assert
            AssertOpenAndNoNulls(response, page);
            var contents = page.GetProperty("contents").EnumerateArray().ToList();
            Assert.Equal(6, page.GetProperty("total_items").GetInt32());
            Assert.Equal(3, page.GetProperty("total_pages").GetInt32());
            Assert.Equal(number, page.GetProperty("page_number").GetInt32());
            Assert.Equal(contents.Count, page.GetProperty("size").GetInt32());
            Assert.Equal(number == 1, page.GetProperty("first_page").GetBoolean());
            Assert.Equal(number == 3, page.GetProperty("last_page").GetBoolean());
            Assert.Equal(contents.Count == 0, page.GetProperty("empty").GetBoolean());
            Assert.Equal(number <= 3 ? 2 : 0, contents.Count);
            seen.AddRange(contents.Select(c => c.GetProperty("id").GetString()!));
        }

        Assert.Equal(6, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Get_ServiceAtLocations_OnePerServiceAndCouncilAreaPaged()
    {
        // Arrange: 2 + 2 + 32 (all of Scotland) + 1 (Falkirk) + 3 (Ayrshire) = 40.
        await SeedAsync();
        var client = Fixture.CreateClient();

        // Act
        var (_, first) = await GetJsonAsync($"{Base}/service_at_locations?per_page=30", client);
        var (_, second) = await GetJsonAsync($"{Base}/service_at_locations?per_page=30&page=2", client);

        // Assert
        Assert.Equal(40, first.GetProperty("total_items").GetInt32());
        Assert.Equal(30, first.GetProperty("size").GetInt32());
        Assert.Equal(10, second.GetProperty("size").GetInt32());
        Assert.True(second.GetProperty("last_page").GetBoolean());
        var all = first.GetProperty("contents").EnumerateArray().Concat(second.GetProperty("contents").EnumerateArray()).ToList();
        Assert.Equal(40, all.Select(s => s.GetProperty("id").GetString()).Distinct(StringComparer.Ordinal).Count());
        var falkirkForum = Assert.Single(all, s => s.GetProperty("service").GetProperty("name").GetString() == "Falkirk third-sector forum");
        Assert.Equal("S12000014", falkirkForum.GetProperty("location").GetProperty("external_identifier").GetString());
        Assert.Equal("Falkirk", falkirkForum.GetProperty("location").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Get_ServiceFilters_AreCombinedWithAnd()
    {
        // Arrange
        await SeedAsync();
        var client = Fixture.CreateClient();
        var mentalHealth = OpenReferralIds.For(OpenReferralKind.TaxonomyTerm, (int)Theme.MentalHealth);
        var (_, all) = await GetJsonAsync($"{Base}/services?search=drop-in", client);
        var mindTheGap = all.GetProperty("contents")[0].GetProperty("organization_id").GetString();

        // Act
        var byTheme = await NamesAsync(client, $"/services?taxonomy_term_id={mentalHealth}");
        var byWords = await NamesAsync(client, "/services?search=counselling");
        var byBoth = await NamesAsync(client, $"/services?search=families%20prison&taxonomy_term_id={mentalHealth}");
        var themeAndOtherWords = await NamesAsync(client, $"/services?search=conferencing&taxonomy_term_id={mentalHealth}");
        var byOrganisation = await NamesAsync(client, $"/services?organization_id={mindTheGap}&search=weekly");
        var routesByWords = await NamesAsync(client, "/services?search=FORUM");
        var locations = await GetJsonAsync($"{Base}/service_at_locations?search=weekly&taxonomy_term_id={mentalHealth}", client);

        // Assert
        Assert.Equal(["Family counselling", "Wellbeing drop-in"], byTheme.Order(StringComparer.Ordinal));
        Assert.Equal(["Family counselling"], byWords);
        Assert.Equal(["Family counselling"], byBoth);
        Assert.Empty(themeAndOtherWords);
        Assert.Equal(["Wellbeing drop-in"], byOrganisation);
        Assert.Equal(["Ayrshire justice forum", "Falkirk third-sector forum"], routesByWords.Order(StringComparer.Ordinal));
        Assert.Equal(2, locations.Json.GetProperty("total_items").GetInt32());
    }

    [Fact]
    public async Task Get_ServicesSearch_MatchesWordsByTheirEnglishStems()
    {
        // Arrange: "prisoners" is not in any text, "prison" is; "forums" is not, "forum" is.
        await SeedAsync();
        var client = Fixture.CreateClient();

        // Act
        var services = await NamesAsync(client, "/services?search=family%20prisoners");
        var routes = await NamesAsync(client, "/services?search=forums");
        var nothing = await NamesAsync(client, "/services?search=prisoners%20conferencing");

        // Assert
        Assert.Equal(["Family counselling"], services);
        Assert.Equal(["Ayrshire justice forum", "Falkirk third-sector forum"], routes.Order(StringComparer.Ordinal));
        Assert.Empty(nothing);
    }

    [Fact]
    public async Task Get_DraftOrganisation_IsNotServed()
    {
        // Arrange
        var draft = await SeedAsync();
        var draftService = OpenReferralIds.For(OpenReferralKind.OrganisationService, draft.Services[0].Id);

        // Act
        var names = await NamesAsync(Fixture.CreateClient(), "/services?search=secret");
        var (response, json) = await GetJsonAsync($"{Base}/services/{draftService}");

        // Assert
        Assert.Empty(names);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("/services?page=0")]
    [InlineData("/services?page=abc")]
    [InlineData("/services?per_page=1000")]
    [InlineData("/services?per_page=0")]
    [InlineData("/services?page=-1")]
    [InlineData("/taxonomy_terms?per_page=abc")]
    [InlineData("/taxonomies?page=99999999999")]
    [InlineData("/service_at_locations?per_page=101")]
    public async Task Get_BadPaging_Returns400WithJsonMessage(string url)
    {
        // Act
        var (response, json) = await GetJsonAsync(Base + url);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", Cors(response));
        Assert.Contains("page", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/services/00000000-0000-0000-0000-000000000000")]
    [InlineData("/services/not-a-guid")]
    [InlineData("/taxonomies/00000000-0000-0000-0000-000000000000")]
    [InlineData("/taxonomy_terms/not-a-guid")]
    [InlineData("/taxonomy_terms/00000000-0000-0000-0000-000000000000")]
    [InlineData("/service_at_locations/00000000-0000-0000-0000-000000000000")]
    public async Task Get_UnknownId_Returns404WithJsonMessage(string url)
    {
        // Act
        var (response, json) = await GetJsonAsync(Base + url);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", Cors(response));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetString()));
    }

    [Fact]
    public void OpenReferralIds_AreStableAndReadBack()
    {
        // Act
        var id = OpenReferralIds.For(OpenReferralKind.OrganisationService, 42);

        // Assert
        Assert.Equal(id, OpenReferralIds.For(OpenReferralKind.OrganisationService, 42));
        Assert.NotEqual(id, OpenReferralIds.For(OpenReferralKind.EngagementRoute, 42));
        Assert.Equal(8, id.Version);
        Assert.True(OpenReferralIds.TryRead(id.ToString(), OpenReferralKind.OrganisationService, out var value, out var second));
        Assert.Equal(42, value);
        Assert.Equal(0, second);
        Assert.False(OpenReferralIds.TryRead(id.ToString(), OpenReferralKind.EngagementRoute, out _, out _));
    }

    private async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(string url, HttpClient? client = null)
    {
        var (response, json, _) = await GetTextAsync(url, client);
        return (response, json);
    }

    private async Task<(HttpResponseMessage Response, JsonElement Json, string Text)> GetTextAsync(string url, HttpClient? client = null)
    {
        var response = await (client ?? Fixture.CreateClient()).GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return (response, document.RootElement.Clone(), text);
    }

    private async Task<List<string>> NamesAsync(HttpClient client, string url)
    {
        var (response, page) = await GetJsonAsync(Base + url, client);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. page.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("name").GetString()!)];
    }

    private static string? Cors(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? string.Join(",", values) : null;

    private static void AssertOpenAndNoNulls(HttpResponseMessage response, JsonElement json)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", Cors(response));
        AssertNoNulls(json, "$");
    }

    private static void AssertNoNulls(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.Fail($"{path} is null");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AssertNoNulls(property.Value, $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                // Empty optional lists are left out; only a page's contents may be empty.
                Assert.True(element.GetArrayLength() > 0 || path == "$.contents", $"{path} is an empty list");
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    AssertNoNulls(item, $"{path}[{index++}]");
                }

                break;
        }
    }
}

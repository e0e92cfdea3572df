using System.Net;
using CjpPortal.TestCommon;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CjpPortal.IntegrationTests.Partnerships;

/// <summary>A partnership's public page over rows made by builders: reports, consultations, and what search engines read.</summary>
public sealed class ShowDetailsTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Get_OverdueAndDueReports_ListsTheOverdueOneFirst()
    {
        // Arrange: on 23 November 2026, 2024-25 (due 31 December 2025) is overdue and 2025-26 (due 31 December 2026) merely due.
        await Fixture.CreateAnnualReturnAsync("falkirk", 2025, new DateOnly(2026, 12, 31));
        await Fixture.CreateAnnualReturnAsync("falkirk", 2024, new DateOnly(2025, 12, 31));
        await Fixture.EvictCachesAsync();

        // Act
        var page = await Fixture.Client.GetDocumentAsync("/partnerships/falkirk");

        // Assert
        var years = page.Document.QuerySelectorAll("dd[id^='annual-report-']").Select(dd => dd.Id).ToList();
        Assert.Equal(["annual-report-2024", "annual-report-2025"], years);
        Assert.Contains("Overdue", page.One("#annual-report-2024").TextOf(), StringComparison.Ordinal);
        Assert.Equal("Due by 31 December 2026", page.One("#annual-report-2025").TextOf());
    }

    [Fact]
    public async Task Get_PlanInConsultationWithCloseDate_SentenceEndsWithAFullStop()
    {
        // Arrange
        await Fixture.CreatePlanInConsultationAsync("falkirk", new DateOnly(2027, 4, 1), new DateOnly(2026, 12, 5), "https://falkirk.example/draft-plan");
        await Fixture.EvictCachesAsync();

        // Act
        var page = await Fixture.Client.GetDocumentAsync("/partnerships/falkirk");

        // Assert
        var box = page.One("#open-consultation");
        var paragraphs = box.QuerySelectorAll("p").Select(p => p.TextOf()).ToList();
        Assert.Contains("The draft plan for 2027 to 2032 is out for consultation until 5 December 2026. Closes in 12 days.", paragraphs);
        Assert.Contains("Read the draft and respond (Falkirk Community Justice Partnership draft plan)", paragraphs);
    }

    [Fact]
    public async Task Get_PlanInConsultationWithoutCloseDateOrLink_SentenceEndsWithAFullStop()
    {
        // Arrange
        await Fixture.CreatePlanInConsultationAsync("falkirk", new DateOnly(2027, 4, 1), closesOn: null);
        await Fixture.EvictCachesAsync();

        // Act
        var page = await Fixture.Client.GetDocumentAsync("/partnerships/falkirk");

        // Assert
        var paragraphs = page.One("#open-consultation").QuerySelectorAll("p").Select(p => p.TextOf()).ToList();
        Assert.Equal(["The draft plan for 2027 to 2032 is out for consultation."], paragraphs);
    }

    [Fact]
    public async Task Get_PartnershipPage_HasDescriptionOfWhatThePartnershipIsAndCovers()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync("/partnerships/ayrshire");

        // Assert
        var description = page.One("head meta[name='description']").GetAttribute("content");
        Assert.Equal(
            "Community Justice Ayrshire is the community justice partnership for East Ayrshire, North Ayrshire and South Ayrshire: who to contact, how third-sector organisations can take part, and its plans and reports.",
            description);
    }

    [Fact]
    public async Task Get_PartnershipPageWithForgedHost_CanonicalLinkUsesTheConfiguredAddress()
    {
        // Arrange
        using var portal = Fixture.Factory.WithWebHostBuilder(builder => builder.UseSetting(PortalLinks.BaseUrlKey, "https://cjp.example.org"));
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/partnerships/falkirk", UriKind.Relative));
        request.Headers.Host = "attacker.example";

        // Act
        var page = await Html.ParseAsync(await client.SendAsync(request));

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("https://cjp.example.org/partnerships/falkirk", page.One("head link[rel='canonical']").GetAttribute("href"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/partnerships")]
    [InlineData("/directory?area=S12000014")]
    [InlineData("/map")]
    [InlineData("/about")]
    [InlineData("/accessibility")]
    [InlineData("/privacy")]
    public async Task Get_PublicPage_HasCanonicalLinkAndDescription(string url)
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync(url);

        // Assert: the canonical address is the page's path, without the query.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("http://localhost" + url.Split('?')[0], page.One("head link[rel='canonical']").GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(page.One("head meta[name='description']").GetAttribute("content")));
    }

    [Fact]
    public async Task Get_MissingPage_HasNoCanonicalLink()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync("/partnerships/no-such-partnership");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Empty(page.Document.QuerySelectorAll("link[rel='canonical']"));
    }

    [Theory]
    [InlineData("/partnerships/FALKIRK")]
    [InlineData("/partnerships/Falkirk")]
    public async Task Get_UpperCaseSlug_RedirectsPermanentlyToTheLowerCasePage(string url)
    {
        // Arrange: the lower-case page is in the output cache first, whose keys ignore case.
        Assert.Equal(HttpStatusCode.OK, (await Fixture.Client.GetAsync(new Uri("/partnerships/falkirk", UriKind.Relative))).StatusCode);

        // Act
        var response = await Fixture.Client.GetAsync(new Uri(url, UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/partnerships/falkirk", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_UpperCaseUnknownSlug_Returns404()
    {
        // Act
        var response = await Fixture.Client.GetAsync(new Uri("/partnerships/NOWHERE", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_RobotsTxt_AllowsPublicPagesAndDisallowsSignedInAreas()
    {
        // Act
        var response = await Fixture.Client.GetAsync(new Uri("/robots.txt", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Allow: /", lines);
        Assert.All(["/account", "/manage", "/national", "/admin"], area => Assert.Contains("Disallow: " + area, lines));
        Assert.DoesNotContain(lines, l => l.StartsWith("Sitemap:", StringComparison.OrdinalIgnoreCase));
    }
}

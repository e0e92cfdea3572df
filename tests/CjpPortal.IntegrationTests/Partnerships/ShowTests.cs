using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Partnerships;

[Collection(PortalCollection.Name)]
public sealed class ShowTests(PortalFixture fixture)
{
    [Fact]
    public async Task Get_Ayrshire_ShowsItsThreeCouncilAreasAndTheirInterfaces()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/partnerships/ayrshire");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Community Justice Ayrshire", page.Document.QuerySelector("h1")?.TextOf());
        foreach (var area in new[] { "East Ayrshire", "North Ayrshire", "South Ayrshire" })
        {
            Assert.Contains(area, page.Text, StringComparison.Ordinal);
            Assert.Contains($"{area} Third Sector Interface", page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_Ayrshire_ShowsCoordinatorAsWhoToContactFirst()
    {
        // Arrange
        var coordinator = await fixture.WithDbContextAsync(db => db.Contacts
            .SingleAsync(c => c.Partnership.Slug == "ayrshire" && c.IsCoordinator));

        // Act
        var page = await fixture.Client.GetDocumentAsync("/partnerships/ayrshire");

        // Assert
        var section = ContactFirstSection(page.Document);
        var main = section.QuerySelector("#main-contact") ?? section;
        Assert.Contains(coordinator.Name, main.TextOf(), StringComparison.Ordinal);
        Assert.Contains("Community Justice Coordinator", main.TextOf(), StringComparison.Ordinal);
        Assert.NotNull(main.QuerySelector($"a[href='mailto:{coordinator.Email}']"));
        Assert.DoesNotContain("vacant", section.TextOf(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_Ayrshire_ShowsEngagementRoutes()
    {
        // Arrange
        var routes = await fixture.WithDbContextAsync(db => db.EngagementRoutes
            .Where(r => r.Partnership.Slug == "ayrshire")
            .Select(r => new { r.Title, r.IsActive })
            .ToListAsync());

        // Act
        var page = await fixture.Client.GetDocumentAsync("/partnerships/ayrshire");

        // Assert
        Assert.Contains("Community justice third-sector forum", page.Text, StringComparison.Ordinal);
        Assert.All(routes.Where(r => r.IsActive), r => Assert.Contains(r.Title, page.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Ayrshire_ShowsPlanStatementReportAndLastConfirmed()
    {
        // Arrange
        var confirmed = await fixture.WithDbContextAsync(db => db.Partnerships
            .Where(p => p.Slug == "ayrshire").Select(p => p.LastConfirmedOn).SingleAsync());

        // Act
        var page = await fixture.Client.GetDocumentAsync("/partnerships/ayrshire");

        // Assert
        Assert.Contains("2023 to 2028", Section(page, "#current-plan", "plan"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a[href='https://ayrshire-cjp.example.org/plan-2023-2028.pdf']"));
        Assert.Contains("Published", Section(page, "#participation-statement", "participation statement"), StringComparison.Ordinal);
        Assert.Contains("2024-25", Section(page, "#annual-report", "annual report"), StringComparison.Ordinal);
        Assert.NotNull(confirmed);
        Assert.Contains(
            confirmed.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            Section(page, "#last-confirmed", "last confirmed"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_VacantCoordinatorPost_ShowsFallbackContactAndSaysPostIsVacant()
    {
        // Arrange
        var fallback = await fixture.WithDbContextAsync(db => db.Partnerships
            .Where(p => p.Slug == "western-isles")
            .Select(p => p.FallbackContact!.Name)
            .SingleAsync());

        // Act
        var page = await fixture.Client.GetDocumentAsync("/partnerships/western-isles");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var section = ContactFirstSection(page.Document);
        Assert.Contains(fallback, (section.QuerySelector("#main-contact") ?? section).TextOf(), StringComparison.Ordinal);
        Assert.Contains("coordinator post is vacant", section.TextOf(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_NeverConfirmed_SaysSoAndWarnsItMayBeOutOfDate()
    {
        // Arrange
        var slug = await fixture.WithDbContextAsync(db => db.Partnerships
            .Where(p => p.LastConfirmedOn == null).Select(p => p.Slug).FirstAsync());

        // Act
        var page = await fixture.Client.GetDocumentAsync($"/partnerships/{slug}");

        // Assert
        var confirmed = Section(page, "#last-confirmed", "last confirmed");
        Assert.Contains("Not yet confirmed", confirmed, StringComparison.Ordinal);
        Assert.Contains("out of date", confirmed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DraftPlanInConsultation_ShowsCloseDate()
    {
        // Arrange
        var slug = await fixture.WithDbContextAsync(db => db.Cjoips
            .Where(c => c.ConsultationOpensOn != null && c.PublishedOn == null).Select(c => c.Partnership.Slug).FirstAsync());

        // Act
        var page = await fixture.Client.GetDocumentAsync($"/partnerships/{slug}");

        // Assert
        Assert.Contains("consultation", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("23 December 2026", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownSlug_Returns404WithLinkToList()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/partnerships/does-not-exist");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.NotNull(page.Document.QuerySelector("h1"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/partnerships']"));
    }

    /// <summary>Upper case is the one non-canonical form that redirects (ShowDetailsTests); these are not found.</summary>
    [Theory]
    [InlineData("/partnerships/AYRSHIRE-")]
    [InlineData("/partnerships/ayrshire-")]
    [InlineData("/partnerships/%E2%80%AEayrshire")]
    public async Task Get_SlugNotInCanonicalForm_Returns404(string url)
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/partnerships']"));
    }

    private static IElement ContactFirstSection(IDocument document)
    {
        var heading = document.QuerySelectorAll("h2").FirstOrDefault(h => h.TextOf().Contains("contact first", StringComparison.OrdinalIgnoreCase))
            ?? throw new Xunit.Sdk.XunitException("The page has no 'Who to contact first' heading.");
        return heading.Closest("section") ?? heading.ParentElement!;
    }

    /// <summary>The text of the element with <paramref name="id"/>, failing with what was being looked for.</summary>
    private static string Section(HtmlPage page, string id, string what) =>
        page.Document.QuerySelector(id)?.TextOf() ?? throw new Xunit.Sdk.XunitException($"The page shows no {what} ({id}).");
}

using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.TestCommon.HtmlAssertions;

namespace CjpPortal.IntegrationTests.Directory;

[Collection(PortalCollection.Name)]
public sealed class IndexTests(PortalFixture fixture)
{
    [Fact]
    public async Task Get_Directory_HasOneRowPerPartnership()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/directory");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var rows = Rows(page);
        Assert.Equal(30, rows.Count);
        Assert.Equal(30, rows.Select(r => r.QuerySelector("a[href^='/partnerships/']")?.GetAttribute("href")).Distinct().Count());
    }

    [Fact]
    public async Task Get_Directory_HasTheColumnsOfTheAnnualTable()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/directory");

        // Assert: each expected column, by any of the words it may be headed with.
        var headers = page.One("table").QuerySelectorAll("thead th").Select(th => th.TextOf()).ToList();
        string[][] expected =
        [
            ["Partnership"], ["Council areas"], ["Main contact"], ["board representation"], ["forum"], ["Thematic groups"],
            ["Events"], ["Consultations"], ["CJOIP", "plan"], ["Participation statement"], ["annual report"], ["Last confirmed"],
        ];
        Assert.All(expected, words => Assert.True(
            headers.Any(h => words.Any(w => h.Contains(w, StringComparison.OrdinalIgnoreCase))),
            $"No column headed '{string.Join("' or '", words)}' among: {string.Join(" | ", headers)}"));
        Assert.All(page.One("table").QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
    }

    [Fact]
    public async Task Get_Directory_ShowsMainContactForEachRow()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/directory");

        // Assert: the vacant-post partnership shows its fallback contact, not an empty cell.
        var row = Rows(page).Single(r => r.QuerySelector("a[href='/partnerships/western-isles']") is not null);
        Assert.Contains("coordinator post is vacant", row.TextOf(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_FilteredByAreaCode_ShowsOnlyThatAreasPartnership()
    {
        // Act: S12000014 is Falkirk.
        var page = await fixture.Client.GetDocumentAsync("/directory?area=S12000014");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var row = Assert.Single(Rows(page));
        Assert.NotNull(row.QuerySelector("a[href='/partnerships/falkirk']"));
        Assert.NotNull(page.Document.QuerySelector("select[name='area'] option[value='S12000014'][selected]"));
    }

    [Fact]
    public async Task Get_FilteredBySharedArea_ShowsTheSharedPartnership()
    {
        // Act: S12000021 is North Ayrshire, covered by Community Justice Ayrshire.
        var page = await fixture.Client.GetDocumentAsync("/directory?area=S12000021");

        // Assert
        var row = Assert.Single(Rows(page));
        Assert.NotNull(row.QuerySelector("a[href='/partnerships/ayrshire']"));
        Assert.Contains("East Ayrshire, North Ayrshire, South Ayrshire", row.TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FilteredByUnknownArea_Returns400WithError()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/directory?area=S99999999");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        AssertErrorSummaryContains(page.Document, "Choose a council area from the list");
        AssertFieldError(page.Document, "area", "Choose a council area from the list");
    }

    [Fact]
    public async Task Get_Default_IsSortedByPartnershipName()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/directory");

        // Assert
        var names = Rows(page).Select(r => r.QuerySelector("a[href^='/partnerships/']")!.TextOf()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task Get_SortedByLastConfirmed_PutsLeastRecentlyConfirmedFirst()
    {
        // Act
        var byName = await fixture.Client.GetDocumentAsync("/directory");
        var byConfirmed = await fixture.Client.GetDocumentAsync("/directory?sort=confirmed");

        // Assert
        var dates = Rows(byConfirmed).Select(ConfirmedOn).ToList();
        Assert.Null(dates[0]);
        Assert.Equal(dates.Order(), dates);
        Assert.NotEqual(FirstSlug(byName), FirstSlug(byConfirmed));
    }

    [Fact]
    public async Task Get_SortedByLastConfirmedDescending_PutsMostRecentFirst()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/directory?sort=confirmed&dir=desc");

        // Assert
        var dates = Rows(page).Select(ConfirmedOn).ToList();
        Assert.Equal(FixedTimeProvider.TestToday, dates[0]);
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task Get_Directory_MarksEntriesNotConfirmedForAYearAsStale()
    {
        // Arrange
        var yearAgo = FixedTimeProvider.TestToday.AddMonths(-12);
        var stale = await fixture.WithDbContextAsync(db => db.Partnerships
            .Where(p => p.LastConfirmedOn == null || p.LastConfirmedOn < yearAgo)
            .Select(p => p.Slug)
            .ToListAsync());

        // Act
        var page = await fixture.Client.GetDocumentAsync("/directory");

        // Assert
        Assert.NotEmpty(stale);
        var marked = Rows(page)
            .Where(r => r.QuerySelectorAll("td").Last().TextOf().Contains("Stale", StringComparison.Ordinal))
            .Select(r => r.QuerySelector("a[href^='/partnerships/']")!.GetAttribute("href")!["/partnerships/".Length..])
            .Order(StringComparer.Ordinal);
        Assert.Equal(stale.Order(StringComparer.Ordinal), marked);
    }

    [Fact]
    public async Task Get_Directory_LinksToCsvDownload()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/directory");

        // Assert
        Assert.NotNull(page.Document.QuerySelector("main a[href='/directory.csv']"));
    }

    private static List<IElement> Rows(HtmlPage page) => [.. page.One("table").QuerySelectorAll("tbody tr")];

    private static string? FirstSlug(HtmlPage page) => Rows(page)[0].QuerySelector("a[href^='/partnerships/']")?.GetAttribute("href");

    /// <summary>The date in a row's last cell ("23 November 2026"), or null for "Never".</summary>
    private static DateOnly? ConfirmedOn(IElement row)
    {
        var text = row.QuerySelectorAll("td").Last().TextOf();
        var words = text.Split(' ');
        return words.Length >= 3 && DateOnly.TryParseExact(string.Join(' ', words[..3]), "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : text.StartsWith("Never", StringComparison.Ordinal) ? null : throw new Xunit.Sdk.XunitException($"Unexpected last-confirmed cell: {text}");
    }
}

using System.Net;
using AngleSharp.Dom;
using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests.Directory;

/// <summary>The directory's columns over rows made by builders (reference data otherwise).</summary>
public sealed class IndexColumnsTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Get_SortedByMainContact_OrdersRowsByContactName()
    {
        // Arrange: partnership order (Aberdeen City, Falkirk, Glasgow) differs from contact order (Amy, Mark, Zoe).
        await Fixture.CreatePublishedContactAsync("aberdeen-city", "Zoe Adams");
        await Fixture.CreatePublishedContactAsync("falkirk", "Amy Young");
        await Fixture.CreatePublishedContactAsync("glasgow", "Mark Black");
        await Fixture.EvictCachesAsync();

        // Act
        var ascending = await Fixture.Client.GetDocumentAsync("/directory?sort=contact");
        var descending = await Fixture.Client.GetDocumentAsync("/directory?sort=contact&dir=desc");

        // Assert
        Assert.Equal(["Amy Young", "Mark Black", "Zoe Adams"], ContactNames(ascending).Take(3));
        Assert.Equal(["Zoe Adams", "Mark Black", "Amy Young"], ContactNames(descending).Where(n => n != "No contact published").Take(3));
    }

    [Fact]
    public async Task Get_PartnershipWithOverdueReport_RowIsFlaggedOverdue()
    {
        // Arrange: 2024-25 was due on 31 December 2025 and has not been submitted; Angus's 2025-26 is not due yet.
        await Fixture.CreateAnnualReturnAsync("falkirk", 2024, new DateOnly(2025, 12, 31));
        await Fixture.CreateAnnualReturnAsync("angus", 2025, new DateOnly(2026, 12, 31));
        await Fixture.EvictCachesAsync();

        // Act
        var page = await Fixture.Client.GetDocumentAsync("/directory");

        // Assert
        var report = ReportCell(Row(page, "falkirk"));
        Assert.Contains("Overdue", report.TextOf(), StringComparison.Ordinal);
        Assert.Contains("2024-25", report.QuerySelector(".ds_tag")?.TextOf() ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", ReportCell(Row(page, "angus")).TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MainContactWithPhone_ShowsPhoneAsLink()
    {
        // Arrange
        await Fixture.CreatePublishedContactAsync("falkirk", "Alex Example", email: "alex.example@falkirk.example", phone: "01324 506070");
        await Fixture.EvictCachesAsync();

        // Act
        var page = await Fixture.Client.GetDocumentAsync("/directory");

        // Assert
        var phone = Row(page, "falkirk").QuerySelector("a[href='tel:01324506070']");
        Assert.NotNull(phone);
        Assert.Equal("01324 506070", phone.TextOf());
    }

    [Fact]
    public async Task Get_AreaWithThirdSectorInterface_ShowsItsNameAndContactDetails()
    {
        // Arrange
        await Fixture.CreateTsiAsync("Falkirk", "CVS Falkirk and District", "info@cvsfalkirk.example", "01324 692000", "https://cvsfalkirk.example");
        await Fixture.EvictCachesAsync();

        // Act
        var page = await Fixture.Client.GetDocumentAsync("/directory");

        // Assert
        var headers = page.One("table").QuerySelectorAll("thead th").Select(th => th.TextOf()).ToList();
        var column = headers.FindIndex(h => h.StartsWith("Third Sector Interface", StringComparison.Ordinal));
        Assert.True(column >= 0, "No Third Sector Interface column among: " + string.Join(" | ", headers));
        var cell = Row(page, "falkirk").Children[column];
        Assert.Contains("CVS Falkirk and District", cell.TextOf(), StringComparison.Ordinal);
        Assert.NotNull(cell.QuerySelector("a[href='mailto:info@cvsfalkirk.example']"));
        Assert.NotNull(cell.QuerySelector("a[href='tel:01324692000']"));
        Assert.Contains("not yet added", Row(page, "angus").Children[column].TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MainContactEmail_CanBreakAfterEachDotAndAt()
    {
        // Arrange
        await Fixture.CreatePublishedContactAsync("falkirk", "Alex Example", email: "alex.example@falkirk.gov.example");
        await Fixture.EvictCachesAsync();

        // Act
        var page = await Fixture.Client.GetDocumentAsync("/directory");

        // Assert: the address reads (and copies) as typed, with a break opportunity after each of its 3 dots and its @.
        var link = Row(page, "falkirk").QuerySelector("a[href='mailto:alex.example@falkirk.gov.example']");
        Assert.NotNull(link);
        Assert.Equal("alex.example@falkirk.gov.example", link.TextContent);
        Assert.Equal(4, link.QuerySelectorAll("wbr").Length);
        Assert.All(link.QuerySelectorAll("wbr"), wbr => Assert.Matches("[.@]$", wbr.PreviousSibling?.TextContent ?? string.Empty));
    }

    [Fact]
    public async Task Get_FilteredDirectory_SaysForPrintWhenAndWhereItWasTaken()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync("/directory?area=S12000014&sort=confirmed&dir=desc");

        // Assert
        var asAt = page.One("#directory-as-at");
        Assert.Contains("cjp-print-only", asAt.ClassList);
        Assert.Equal("Directory as at 23 November 2026, http://localhost/directory?area=S12000014&sort=confirmed&dir=desc", asAt.TextOf());
    }

    [Fact]
    public async Task Get_FilteredDirectory_CsvLinkKeepsTheFilterAndOrder()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync("/directory?area=S12000014&sort=confirmed&dir=desc");

        // Assert
        Assert.NotNull(page.Document.QuerySelector("main a[href='/directory.csv?area=S12000014&sort=confirmed&dir=desc']"));
    }

    private static IElement Row(HtmlPage page, string slug) =>
        page.One("table").QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/partnerships/{slug}']") is not null);

    private static IElement ReportCell(IElement row) => row.QuerySelectorAll("td")[^2];

    /// <summary>The first line of each row's main contact cell: the contact's name.</summary>
    private static List<string> ContactNames(HtmlPage page)
    {
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return [.. page.One("table").QuerySelectorAll("tbody tr").Select(r => Html.Normalise(r.QuerySelectorAll("td")[1].ChildNodes
            .First(n => !string.IsNullOrWhiteSpace(n.TextContent)).TextContent))];
    }
}

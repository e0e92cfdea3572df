using System.Globalization;
using System.Net;
using CjpPortal.TestCommon;
using CsvHelper;

namespace CjpPortal.IntegrationTests.Directory;

/// <summary>/directory.csv over rows made by builders: the same rows, in the same order, as the page shows.</summary>
public sealed class CsvColumnsTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Get_CsvFilteredByArea_HasOnlyThatAreasPartnership()
    {
        // Act: S12000014 is Falkirk.
        var response = await Fixture.Client.GetAsync(new Uri("/directory.csv?area=S12000014", UriKind.Relative));
        var rows = await ReadAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, rows.Count);
        Assert.Equal("Falkirk Community Justice Partnership", rows[1][0]);
    }

    [Fact]
    public async Task Get_CsvFilteredByUnknownArea_Returns400()
    {
        // Act
        var response = await Fixture.Client.GetAsync(new Uri("/directory.csv?area=S99999999", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose a council area from the list", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CsvSorted_RowsAreInThePagesOrder()
    {
        // Arrange
        await Fixture.SetLastConfirmedAsync("west-lothian", new DateOnly(2026, 11, 1));
        await Fixture.SetLastConfirmedAsync("angus", new DateOnly(2026, 10, 1));
        await Fixture.SetLastConfirmedAsync("falkirk", new DateOnly(2026, 9, 1));
        await Fixture.EvictCachesAsync();

        // Act
        var page = await Fixture.Client.GetDocumentAsync("/directory?sort=confirmed&dir=desc");
        var rows = await ReadAsync(await Fixture.Client.GetAsync(new Uri("/directory.csv?sort=confirmed&dir=desc", UriKind.Relative)));

        // Assert
        var pageOrder = page.One("table").QuerySelectorAll("tbody tr th a").Select(a => a.TextOf()).ToList();
        Assert.Equal(pageOrder, rows.Skip(1).Select(r => r[0]));
        Assert.Equal("West Lothian Community Justice Partnership", rows[1][0]);
    }

    [Fact]
    public async Task Get_Csv_SplitsKindOfContactFromJobTitle()
    {
        // Arrange
        await Fixture.CreatePublishedContactAsync("falkirk", "Alex Example", role: "Community Justice Lead Officer", email: "alex@falkirk.example", phone: "01324 506070");
        await Fixture.EvictCachesAsync();

        // Act
        var rows = await ReadAsync(await Fixture.Client.GetAsync(new Uri("/directory.csv?area=S12000014", UriKind.Relative)));

        // Assert
        Assert.Equal("Alex Example", Cell(rows, "Main contact"));
        Assert.Equal("Community Justice Coordinator", Cell(rows, "Main contact type"));
        Assert.Equal("Community Justice Lead Officer", Cell(rows, "Main contact job title"));
        Assert.Equal("alex@falkirk.example", Cell(rows, "Main contact email"));
        Assert.Equal("01324 506070", Cell(rows, "Main contact phone"));
    }

    [Fact]
    public async Task Get_Csv_HasThirdSectorInterfaceColumns()
    {
        // Arrange
        await Fixture.CreateTsiAsync("Falkirk", "CVS Falkirk and District", "info@cvsfalkirk.example", "01324 692000", "https://cvsfalkirk.example");
        await Fixture.EvictCachesAsync();

        // Act
        var rows = await ReadAsync(await Fixture.Client.GetAsync(new Uri("/directory.csv?area=S12000014", UriKind.Relative)));

        // Assert
        Assert.Equal("CVS Falkirk and District", Cell(rows, "Third Sector Interface"));
        Assert.Equal("info@cvsfalkirk.example", Cell(rows, "Third Sector Interface email"));
        Assert.Equal("01324 692000", Cell(rows, "Third Sector Interface phone"));
        Assert.Equal("https://cvsfalkirk.example", Cell(rows, "Third Sector Interface website"));
    }

    [Fact]
    public async Task Get_CsvWithOverdueReport_NamesTheOverdueYear()
    {
        // Arrange
        await Fixture.CreateAnnualReturnAsync("falkirk", 2024, new DateOnly(2025, 12, 31));
        await Fixture.EvictCachesAsync();

        // Act
        var rows = await ReadAsync(await Fixture.Client.GetAsync(new Uri("/directory.csv?area=S12000014", UriKind.Relative)));

        // Assert
        Assert.Equal("2024-25", Cell(rows, "Annual report overdue"));
    }

    [Fact]
    public async Task Get_CsvWithInternationalPhoneNumbers_KeepsThemAsTyped()
    {
        // Arrange
        await Fixture.CreatePublishedContactAsync("falkirk", "Alex Example", email: "alex@falkirk.example", phone: "+44 1324 506070");
        await Fixture.CreateTsiAsync("Falkirk", "CVS Falkirk and District", phone: "+44 (0)1324 692000");
        await Fixture.EvictCachesAsync();

        // Act
        var rows = await ReadAsync(await Fixture.Client.GetAsync(new Uri("/directory.csv?area=S12000014", UriKind.Relative)));

        // Assert
        Assert.Equal("+44 1324 506070", Cell(rows, "Main contact phone"));
        Assert.Equal("+44 (0)1324 692000", Cell(rows, "Third Sector Interface phone"));
    }

    [Fact]
    public async Task Get_CsvWithFormulaInPhoneColumn_IsNeutralised()
    {
        // Arrange: a number that is not only a number.
        const string phone = "+44 1324 506070+cmd|' /C calc'!A0";
        await Fixture.CreatePublishedContactAsync("falkirk", "Alex Example", email: "alex@falkirk.example", phone: phone);
        await Fixture.EvictCachesAsync();

        // Act
        var rows = await ReadAsync(await Fixture.Client.GetAsync(new Uri("/directory.csv?area=S12000014", UriKind.Relative)));

        // Assert
        Assert.Equal("'" + phone, Cell(rows, "Main contact phone"));
    }

    private static async Task<List<string[]>> ReadAsync(HttpResponseMessage response)
    {
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await csv.ReadAsync())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }

    /// <summary>The cell under <paramref name="header"/> in the only data row.</summary>
    private static string Cell(List<string[]> rows, string header)
    {
        Assert.Equal(2, rows.Count);
        var column = Array.IndexOf(rows[0], header);
        Assert.True(column >= 0, $"No column '{header}' among: {string.Join(" | ", rows[0])}");
        return rows[1][column];
    }
}

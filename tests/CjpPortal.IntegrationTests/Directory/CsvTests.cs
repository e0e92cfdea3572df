using System.Globalization;
using System.Net;
using CjpPortal.Core.Domain;
using CjpPortal.TestCommon;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Directory;

[Collection(PortalCollection.Name)]
public sealed class CsvTests(PortalFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>One test here changes data, so every test leaves the demo data as seeded.</summary>
    public Task DisposeAsync() => fixture.ResetDataAsync();

    [Fact]
    public async Task Get_Csv_HasHeaderAndOneRowPerPartnership()
    {
        // Act
        var response = await fixture.Client.GetAsync(new Uri("/directory.csv", UriKind.Relative));
        var rows = await ReadAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("cjp-directory-2026-11-23.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(DirectoryCsv.Headers, rows[0]);
        Assert.Equal(31, rows.Count);
        Assert.All(rows.Skip(1), row => Assert.Equal(DirectoryCsv.Headers.Length, row.Length));
        Assert.Equal(30, rows.Skip(1).Select(r => r[^1]).Distinct().Count());
    }

    [Fact]
    public async Task Get_Csv_RowHoldsThePartnershipsDetails()
    {
        // Act
        var rows = await ReadAsync(await fixture.Client.GetAsync(new Uri("/directory.csv", UriKind.Relative)));

        // Assert
        var ayrshire = Row(rows, "Community Justice Ayrshire");
        Assert.Equal("East Ayrshire; North Ayrshire; South Ayrshire", Cell(rows, ayrshire, "Council areas"));
        Assert.Equal("Community Justice Coordinator", Cell(rows, ayrshire, "Main contact type"));
        Assert.Equal("2023 to 2028", Cell(rows, ayrshire, "Current CJOIP period"));
        Assert.Equal("Yes", Cell(rows, ayrshire, "Participation statement published"));
        Assert.Equal("2024-25", Cell(rows, ayrshire, "Latest annual report year"));
        Assert.Equal("2026-08-23", Cell(rows, ayrshire, "Last confirmed"));
        Assert.Equal("http://localhost/partnerships/ayrshire", Cell(rows, ayrshire, "Page"));
        Assert.StartsWith("Community justice third-sector forum", Cell(rows, ayrshire, "Local third-sector forums"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CsvTwice_SecondResponseFromCacheHasSameBody()
    {
        // Act
        var first = await fixture.Client.GetByteArrayAsync(new Uri("/directory.csv", UriKind.Relative));
        var second = await fixture.Client.GetByteArrayAsync(new Uri("/directory.csv", UriKind.Relative));

        // Assert
        Assert.True(first.Length > 1000);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Get_CsvWithFormulaLikeText_CellsStartWithApostrophe()
    {
        // Arrange: a coordinator name and a forum title that a spreadsheet would run as formulas.
        const string name = "=cmd|' /C calc'!A0";
        const string forum = "=HYPERLINK(\"http://attacker.example\",\"Forum\")";
        await fixture.WithDbContextAsync(async db =>
        {
            var coordinator = await db.Contacts.SingleAsync(c => c.Partnership.Slug == "falkirk" && c.IsCoordinator);
            coordinator.Name = name;
            var route = await db.EngagementRoutes.SingleAsync(r => r.Partnership.Slug == "falkirk" && r.Kind == EngagementRouteKind.LocalForum);
            route.Title = forum;
            route.MeetingFrequency = null;
            await db.SaveChangesAsync();
        });
        await fixture.EvictCachesAsync();

        // Act
        var rows = await ReadAsync(await fixture.Client.GetAsync(new Uri("/directory.csv", UriKind.Relative)));

        // Assert
        var falkirk = Row(rows, "Falkirk Community Justice Partnership");
        Assert.Equal("'" + name, Cell(rows, falkirk, "Main contact"));
        Assert.Equal("'" + forum, Cell(rows, falkirk, "Local third-sector forums"));
        Assert.DoesNotContain(rows.Skip(1).SelectMany(r => r), CsvSafety.RunsAsFormula);
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

    private static string[] Row(List<string[]> rows, string partnership) =>
        rows.SingleOrDefault(r => r[0] == partnership) ?? throw new Xunit.Sdk.XunitException($"No CSV row for {partnership}.");

    private static string Cell(List<string[]> rows, string[] row, string header) => row[Array.IndexOf(rows[0], header)];
}

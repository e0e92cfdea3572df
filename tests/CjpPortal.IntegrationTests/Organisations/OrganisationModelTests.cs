using CjpPortal.Core.Organisations;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CjpPortal.IntegrationTests.Organisations;

/// <summary>What the database itself guarantees about listings: themes and areas round-trip, the search vector is
/// generated from the name and search text, and charity numbers are well-formed and unique.</summary>
public sealed class OrganisationModelTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Save_OrganisationWithServices_RoundTripsThemesAreasAndSearchVector()
    {
        // Arrange
        var created = await Fixture.CreateOrganisationAsync(
            "Model Test Trust", areas: ["Falkirk", "Stirling"], themes: [Theme.MentalHealth, Theme.Families],
            services: [new TestService("Wellbeing drop-in", "Weekly drop-in for anyone feeling low.", Themes: [Theme.MentalHealth])]);

        // Act
        var loaded = await Fixture.WithDbContextAsync(db => db.Organisations.AsNoTracking()
            .Where(o => o.Id == created.Id)
            .Select(o => new
            {
                o.Themes,
                Areas = o.Areas.Select(a => a.CouncilArea.Name).OrderBy(n => n).ToList(),
                Services = o.Services.Select(s => new { s.Name, s.Themes, Areas = s.Areas.Count }).ToList(),
                Matches = o.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", "mental health drop-in")),
            })
            .SingleAsync());

        // Assert
        Assert.Equal([Theme.MentalHealth, Theme.Families], loaded.Themes);
        Assert.Equal(["Falkirk", "Stirling"], loaded.Areas);
        var service = Assert.Single(loaded.Services);
        Assert.Equal("Wellbeing drop-in", service.Name);
        Assert.Equal([Theme.MentalHealth], service.Themes);
        Assert.Equal(2, service.Areas);
        Assert.True(loaded.Matches);
    }

    [Fact]
    public async Task Save_SameCharityNumberTwice_IsRefusedByCharityNumberIndex()
    {
        // Arrange
        await Fixture.CreateOrganisationAsync("First Charity", areas: ["Fife"], charityNumber: "SC012345");

        // Act
        var error = await Record.ExceptionAsync(() => Fixture.CreateOrganisationAsync("Second Charity", areas: ["Fife"], charityNumber: "SC012345"));

        // Assert
        var postgres = Assert.IsType<PostgresException>(Assert.IsType<DbUpdateException>(error).InnerException);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, postgres.SqlState);
        Assert.Equal(OrganisationConfiguration.CharityNumberIndex, postgres.ConstraintName);
    }

    [Fact]
    public async Task Save_MalformedCharityNumber_IsRefusedByCheck()
    {
        // Act
        var error = await Record.ExceptionAsync(() => Fixture.CreateOrganisationAsync("Bad Number Charity", areas: ["Fife"], charityNumber: "SC12"));

        // Assert
        var postgres = Assert.IsType<PostgresException>(Assert.IsType<DbUpdateException>(error).InnerException);
        Assert.Equal(PostgresErrorCodes.CheckViolation, postgres.SqlState);
        Assert.Equal(OrganisationConfiguration.CharityNumberCheck, postgres.ConstraintName);
    }
}

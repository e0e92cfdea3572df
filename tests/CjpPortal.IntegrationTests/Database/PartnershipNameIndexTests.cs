using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CjpPortal.IntegrationTests.Database;

/// <summary>Partnership names are unique regardless of case in the database itself, so two saves racing past the
/// rename page's own check cannot both succeed.</summary>
[Collection(PortalCollection.Name)]
public sealed class PartnershipNameIndexTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("Case Test Justice Partnership", "CASE TEST JUSTICE PARTNERSHIP")]
    [InlineData("Case Test Justice Partnership", "case test justice partnership")]
    public async Task Save_NameDifferingOnlyByCase_IsRefusedByPartnershipNameIndex(string first, string second)
    {
        // Arrange
        var error = await fixture.WithDbContextAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Partnerships.Add(new Partnership { Name = first, Slug = "case-test-first" });
            await db.SaveChangesAsync();
            db.Partnerships.Add(new Partnership { Name = second, Slug = "case-test-second" });

            // Act
            return await Record.ExceptionAsync(() => db.SaveChangesAsync());
        });

        // Assert
        var update = Assert.IsType<DbUpdateException>(error);
        var postgres = Assert.IsType<PostgresException>(update.InnerException);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, postgres.SqlState);
        Assert.Equal(ConstraintNames.PartnershipName, postgres.ConstraintName);
    }

    [Fact]
    public async Task Save_NamesDifferingByAccent_AreBothKept()
    {
        // Arrange
        var saved = await fixture.WithDbContextAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Partnerships.Add(new Partnership { Name = "Eilean Test Partnership", Slug = "accent-test-first" });
            db.Partnerships.Add(new Partnership { Name = "Eìlean Test Partnership", Slug = "accent-test-second" });

            // Act
            await db.SaveChangesAsync();
            return await db.Partnerships.CountAsync(p => p.Slug.StartsWith("accent-test-"));
        });

        // Assert
        Assert.Equal(2, saved);
    }
}

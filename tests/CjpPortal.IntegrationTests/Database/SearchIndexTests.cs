using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Database;

/// <summary>The GIN indexes that searches read keep no pending list (fastupdate off), so a search never reads new
/// entries one by one while it waits for a vacuum.</summary>
[Collection(PortalCollection.Name)]
public sealed class SearchIndexTests(PortalFixture fixture)
{
    [Fact]
    public async Task Migrate_EveryGinIndex_HasFastUpdateOff()
    {
        // Act
        // One text column (name: options), not a record type: a query into a record type would add an ad-hoc entity
        // type to the model this process shares, which CompiledModelTests would then find missing from the compiled one.
        var indexes = await fixture.WithDbContextAsync(db => db.Database.SqlQueryRaw<string>(
            """
            SELECT i.relname || ': ' || coalesce(array_to_string(i.reloptions, ','), '') AS "Value"
            FROM pg_class i
            JOIN pg_am am ON am.oid = i.relam
            JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE am.amname = 'gin' AND n.nspname = 'public'
            ORDER BY i.relname
            """).ToListAsync());

        // Assert: the eight search indexes of organisations, their services and engagement routes, each without one
        Assert.Equal(8, indexes.Count);
        Assert.All(indexes, index => Assert.EndsWith(": fastupdate=false", index, StringComparison.Ordinal));
    }
}

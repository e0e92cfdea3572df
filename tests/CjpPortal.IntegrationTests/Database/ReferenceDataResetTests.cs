using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Database;

/// <summary>Tests in the reference-data collection start from the 30 partnerships and 32 council areas and nothing
/// else, whatever the test before them did.</summary>
public sealed class ReferenceDataResetTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Reset_BeforeEachTest_LeavesReferenceDataOnly(int run)
    {
        // Arrange: what this test finds was left by the reset before it; each run then leaves rows behind
        var found = await Fixture.WithDbContextAsync(async db => new
        {
            Partnerships = await db.Partnerships.CountAsync(),
            Areas = await db.CouncilAreas.CountAsync(),
            Contacts = await db.Contacts.CountAsync(),
            Routes = await db.EngagementRoutes.CountAsync(),
            Users = await db.Users.CountAsync(),
            History = await db.AuditEntries.CountAsync(),
        });

        // Act
        await Fixture.CreateContactAsync("falkirk", $"Left behind by run {run}");
        await Fixture.CreateUserAsync(null);

        // Assert
        Assert.Equal((30, 32, 0, 0, 0, 0), (found.Partnerships, found.Areas, found.Contacts, found.Routes, found.Users, found.History));
    }
}

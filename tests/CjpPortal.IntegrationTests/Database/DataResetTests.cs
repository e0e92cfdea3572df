using CjpPortal.Core.Domain;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Database;

/// <summary>The reset that data-changing tests rely on must put back exactly what was seeded.</summary>
[Collection(PortalCollection.Name)]
public sealed class DataResetTests(PortalFixture fixture)
{
    [Fact]
    public async Task Reset_AfterChanges_RestoresSeededDirectory()
    {
        // Arrange
        var before = await fixture.Client.GetStringAsync(new Uri("/directory.csv", UriKind.Relative));
        var referenceCounts = await CountReferenceRowsAsync();
        await fixture.WithDbContextAsync(async db =>
        {
            var falkirk = await db.Partnerships.Include(p => p.Contacts).SingleAsync(p => p.Slug == "falkirk");
            falkirk.Name = "Renamed partnership";
            falkirk.CoordinatorPostVacant = true;
            falkirk.FallbackContactId = falkirk.Contacts.First(c => !c.IsCoordinator).Id;
            db.Contacts.Remove(falkirk.Contacts.First(c => c.IsCoordinator));
            db.EngagementRoutes.RemoveRange(db.EngagementRoutes.Where(r => r.Partnership.Slug == "orkney"));
            var moray = await db.CouncilAreas.SingleAsync(a => a.GssCode == "S12000020");
            var extra = new Partnership { Name = "Test partnership", Slug = "test-partnership" };
            moray.Partnership = extra;
            await db.SaveChangesAsync();
        });

        // Act
        await fixture.ResetDataAsync();

        // Assert
        var after = await fixture.Client.GetStringAsync(new Uri("/directory.csv", UriKind.Relative));
        Assert.Equal(referenceCounts, await CountReferenceRowsAsync());
        Assert.Equal(before, after);
    }

    private Task<(int Partnerships, int Areas)> CountReferenceRowsAsync() =>
        fixture.WithDbContextAsync(async db => (await db.Partnerships.CountAsync(), await db.CouncilAreas.CountAsync()));
}

using CjpPortal.Core.Domain;
using CjpPortal.Core.Seed;
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

    [Fact]
    public async Task Reset_AfterSwappedNamesAndMovedAreas_RestoresSeededNamesAndAreaMapping()
    {
        // Arrange: as CJS staff can, two partnerships exchange names and an area moves between existing partnerships
        await fixture.WithDbContextAsync(async db =>
        {
            var falkirk = await db.Partnerships.SingleAsync(p => p.Slug == "falkirk");
            var stirling = await db.Partnerships.SingleAsync(p => p.Slug == "stirling");
            var (falkirkName, stirlingName) = (falkirk.Name, stirling.Name);
            falkirk.Name = "Temporary name";
            await db.SaveChangesAsync();
            stirling.Name = falkirkName;
            await db.SaveChangesAsync();
            falkirk.Name = stirlingName;
            var northAyrshire = await db.CouncilAreas.SingleAsync(a => a.Name == "North Ayrshire");
            northAyrshire.PartnershipId = stirling.Id;
            await db.SaveChangesAsync();
        });

        // Act
        await fixture.ResetDataAsync();

        // Assert
        var stored = await fixture.WithDbContextAsync(db => db.CouncilAreas
            .OrderBy(a => a.GssCode)
            .Select(a => new { a.GssCode, a.Partnership.Slug, a.Partnership.Name })
            .ToListAsync());
        var expected = ReferenceData.CouncilAreas.OrderBy(r => r.GssCode, StringComparer.Ordinal)
            .Select(r => new { r.GssCode, Slug = r.PartnershipSlug, Name = r.PartnershipName })
            .ToList();
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task Reset_DataProtectionKeys_AreKept()
    {
        // Arrange: the fixture's host has protected a cookie, so its key is in the database
        var page = await fixture.Client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        page.EnsureSuccessStatusCode();
        var before = await fixture.WithDbContextAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName).OrderBy(n => n).ToListAsync());

        // Act
        await fixture.ResetDataAsync();

        // Assert: hosts (and their clients' cookies) outlive resets, so their keys must too
        var after = await fixture.WithDbContextAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName).OrderBy(n => n).ToListAsync());
        Assert.NotEmpty(before);
        Assert.Equal(before, after);
    }

    private Task<(int Partnerships, int Areas)> CountReferenceRowsAsync() =>
        fixture.WithDbContextAsync(async db => (await db.Partnerships.CountAsync(), await db.CouncilAreas.CountAsync()));
}

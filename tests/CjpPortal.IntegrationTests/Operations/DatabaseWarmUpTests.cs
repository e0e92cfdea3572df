using CjpPortal.Core;
using CjpPortal.TestCommon;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>Cold start: the snapshot queries run before the host exists (<see cref="DatabaseWarmUp"/>) only help if EF
/// Core gives that context the same internal service provider, and so the same compiled-query cache, as the portal's.</summary>
public sealed class DatabaseWarmUpTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Options_BeforeTheHost_ShareThePortalsInternalServiceProvider()
    {
        // Arrange
        await using var early = new AppDbContext(DatabaseWarmUp.Options(Fixture.Database.ConnectionString));
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var portal = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Act: singletons of EF Core's internal service provider
        var earlyMappings = early.GetService<IRelationalTypeMappingSource>();
        var portalMappings = portal.GetService<IRelationalTypeMappingSource>();

        // Assert
        Assert.Same(portalMappings, earlyMappings);
    }

    [Fact]
    public async Task LoadAll_WithTheWarmUpsContext_ReadsWhatThePortalReads()
    {
        // Arrange
        await using var early = new AppDbContext(DatabaseWarmUp.Options(Fixture.Database.ConnectionString));
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var portal = scope.ServiceProvider.GetRequiredService<DirectoryQueries>();

        // Act
        var warmUp = await DirectoryQueries.LoadAllAsync(early, CancellationToken.None);
        var portals = await portal.LoadAllFromDatabaseAsync(CancellationToken.None);

        // Assert
        Assert.Equal(30, warmUp.Count);
        Assert.Equal(portals.Select(p => (p.Slug, p.Areas.Count)), warmUp.Select(p => (p.Slug, p.Areas.Count)));
    }
}

using CjpPortal.TestCommon;
using CjpPortal.Web.Pages.Partnerships;
using CjpPortal.Web.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Partnerships;

/// <summary>Cold start: the start-up's snapshot load also runs the partnership page's own queries once. It builds
/// the page model outside a request, so a dependency only a request can supply would break it here first.</summary>
[Collection(PortalCollection.Name)]
public sealed class WarmUpTests(PortalFixture fixture)
{
    [Fact]
    public async Task WarmUpAsync_FirstPartnershipOfTheSnapshot_RunsThePageQueriesOutsideARequest()
    {
        // Arrange
        var snapshot = await fixture.Factory.Services.GetRequiredService<DirectorySnapshotCache>().GetAsync(CancellationToken.None);

        // Act
        var warmUp = ShowModel.WarmUpAsync(fixture.Factory.Services, snapshot[0], CancellationToken.None);
        await warmUp;

        // Assert
        Assert.True(warmUp.IsCompletedSuccessfully);
    }
}

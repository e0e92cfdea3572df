using System.Net;
using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests.Operations;

[Collection(PortalCollection.Name)]
public sealed class HealthTests(PortalFixture fixture)
{
    [Fact]
    public async Task Get_Live_ReturnsHealthy()
    {
        // Act
        var response = await fixture.Client.GetAsync(new Uri("/health/live", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_ReadyWithMigratedDatabase_ReturnsHealthy()
    {
        // Act
        var response = await fixture.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_ReadyWithUnreachableDatabase_ReturnsUnhealthy()
    {
        // Arrange: the same portal pointed at a database that does not exist.
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString) { Database = fixture.Database.Name + "_missing" };
        await using var factory = new PortalFactory(missing.ConnectionString, fixture.Clock, minimumLogLevel: "Fatal");
        using var client = factory.CreateClient();

        // Act
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}

using System.Net;
using CjpPortal.TestCommon;
using CjpPortal.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>Cold start: once Kestrel listens, the portal requests its own <see cref="FirstPageWarmUp.Path"/> over
/// loopback. The in-memory TestServer has no address to request, so these run on Kestrel.</summary>
public sealed class FirstPageWarmUpTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Start_OnKestrel_RequestsItsOwnPageAndGets200()
    {
        // Arrange
        using var portal = Fixture.Factory.WithWebHostBuilder(builder => builder.UseSetting("Portal:RequestFirstPageOnStartup", "true"));
        portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

        // Act
        portal.StartServer();
        var status = await portal.Services.GetRequiredService<FirstPageWarmUp>().Answered.WaitAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Start_Disabled_RequestsNothing()
    {
        // Arrange: the test factory turns it off, as it does the snapshot load
        using var portal = Fixture.Factory.WithWebHostBuilder(_ => { });
        portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

        // Act
        portal.StartServer();
        var answered = portal.Services.GetRequiredService<FirstPageWarmUp>().Answered;
        await Task.WhenAny(answered, Task.Delay(TimeSpan.FromSeconds(2)));

        // Assert
        Assert.False(answered.IsCompleted);
    }
}

using CjpPortal.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace CjpPortal.UnitTests.Infrastructure;

/// <summary>Cold start: nothing reads the data-protection key ring from the database while the portal starts; the
/// first request that needs it reads it.</summary>
public sealed class KeyRingLoadingTests
{
    [Fact]
    public void ConfigureServices_PortalHost_RegistersNoKeyRingPreload()
    {
        // Arrange
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:Default"] = "Host=127.0.0.1;Port=1;Database=none;Username=none";

        // Act
        PortalHost.ConfigureServices(builder);

        // Assert: named, so a renamed built-in service in a later ASP.NET Core shows up here
        var hosted = builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType?.FullName).ToList();
        Assert.DoesNotContain("Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService", hosted);
        Assert.DoesNotContain(hosted, name => name?.Contains("KeyRing", StringComparison.Ordinal) == true);
    }
}

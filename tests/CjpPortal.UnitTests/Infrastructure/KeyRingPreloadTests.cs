using CjpPortal.Web;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace CjpPortal.UnitTests.Infrastructure;

/// <summary>Cold start: the data-protection key ring is read from the database on another thread, not on the start-up
/// thread before Kestrel listens, as ASP.NET Core's own preload does.</summary>
public sealed class KeyRingPreloadTests
{
    [Fact]
    public void ConfigureServices_PortalHost_RegistersTheBackgroundPreloadInsteadOfTheBuiltInOne()
    {
        // Arrange
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:Default"] = "Host=127.0.0.1;Port=1;Database=none;Username=none";

        // Act
        PortalHost.ConfigureServices(builder);

        // Assert: named, so a renamed built-in service in a later ASP.NET Core shows up here
        var hosted = builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType?.FullName).ToList();
        Assert.DoesNotContain("Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService", hosted);
        Assert.Contains(typeof(KeyRingPreload).FullName, hosted);
    }

    [Fact]
    public async Task StartAsync_KeyRingStillLoading_ReturnsAndLoadsItInTheBackground()
    {
        // Arrange: a provider whose key ring takes until the test lets it finish
        using var provider = new SlowProvider();
        var preload = new KeyRingPreload(provider, NullLogger<KeyRingPreload>.Instance);

        // Act
        var started = preload.StartAsync(CancellationToken.None);
        var returnedWhileLoading = started.IsCompletedSuccessfully && !provider.Loaded.Task.IsCompleted;
        provider.Release.Set();
        await provider.Loaded.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Assert
        Assert.True(returnedWhileLoading);
        Assert.Equal(1, provider.Protections);
    }

    private sealed class SlowProvider : IDataProtectionProvider, IDataProtector, IDisposable
    {
        public ManualResetEventSlim Release { get; } = new();

        public TaskCompletionSource Loaded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Protections { get; private set; }

        public IDataProtector CreateProtector(string purpose) => this;

        public byte[] Protect(byte[] plaintext)
        {
            // Bounded, so a preload that runs on the caller's thread fails the test instead of hanging it.
            Release.Wait(TimeSpan.FromSeconds(5));
            Protections++;
            Loaded.TrySetResult();
            return plaintext;
        }

        public byte[] Unprotect(byte[] protectedData) => protectedData;

        public void Dispose() => Release.Dispose();
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Email;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CjpPortal.UnitTests.Database;

/// <summary>A host other than the web app (a worker) gets Core's services from <see cref="CoreServices.AddPortalCore"/>
/// alone, plus Identity's user store, and the container validates on build. Nothing here opens a connection.</summary>
public sealed class CoreServicesTests
{
    private const string ConnectionString = "Host=127.0.0.1;Port=1;Database=none;Username=none";

    [Fact]
    public async Task AddPortalCore_BareServiceCollection_BuildsWithValidationAndResolvesCoreServices()
    {
        // Arrange
        var services = CoreWithIdentity();

        // Act
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        var factory = provider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var background = await factory.CreateDbContextAsync();
        var scoped = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Assert
        Assert.NotSame(background, scoped);
        Assert.Same(scoped, scope.ServiceProvider.GetRequiredService<AppDbContext>());
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", scoped.Database.ProviderName);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", background.Database.ProviderName);
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Seeder>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<InvitationService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<AccountAdministration>());
        Assert.IsType<EmailOutbox>(scope.ServiceProvider.GetRequiredService<IEmailOutbox>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddPortalCore_ScopedContextFromRootProvider_IsRefused()
    {
        // Arrange
        var services = CoreWithIdentity();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // Act
        var error = Record.Exception(() => provider.GetRequiredService<AppDbContext>());

        // Assert: background code must take the factory, not a captured scoped context.
        Assert.IsType<InvalidOperationException>(error);
    }

    [Fact]
    public void AddPortalCore_HostWithItsOwnClock_KeepsIt()
    {
        // Arrange
        var clock = new FixedClock();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);

        // Act
        services.AddPortalCore(ConnectionString);

        // Assert
        using var provider = services.BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }

    private static ServiceCollection CoreWithIdentity()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalCore(ConnectionString);
        // The host's part: its environment (every .NET host has one), and Identity's user store (the web app adds
        // cookies and sign-in on top).
        services.AddSingleton<IHostEnvironment>(new WorkerEnvironment());
        services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole<Guid>>().AddEntityFrameworkStores<AppDbContext>();
        return services;
    }

    private sealed class FixedClock : TimeProvider;

    private sealed class WorkerEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "worker";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

using CjpPortal.Core;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CjpPortal.TestCommon;

/// <summary>One test database and one in-memory portal for a whole test collection: the database is created,
/// migrated and seeded with demo data once, and dropped at the end.</summary>
public sealed class PortalFixture : IAsyncLifetime, IAsyncDisposable
{
    private TestDatabase? database;
    private PortalFactory? factory;
    private HttpClient? client;

    public FixedTimeProvider Clock { get; } = new();

    public TestDatabase Database => database ?? throw NotStarted();

    public PortalFactory Factory => factory ?? throw NotStarted();

    /// <summary>A shared client that does not follow redirects; use <see cref="CreateClient"/> for one with its own cookies.</summary>
    public HttpClient Client => client ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        factory = new PortalFactory(database.ConnectionString, Clock);
        await DatabaseSetup.MigrateAndSeedAsync(factory.Services, demoMode: true);
        client = CreateClient();
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        client = null;
        if (factory is not null)
        {
            await factory.DisposeAsync();
            factory = null;
        }

        if (database is not null)
        {
            await database.DisposeAsync();
            database = null;
        }
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>A client that does not follow redirects, so tests can assert on them.</summary>
    public HttpClient CreateClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Runs <paramref name="action"/> with a fresh <see cref="AppDbContext"/> from the portal's services.</summary>
    public async Task WithDbContextAsync(Func<AppDbContext, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithDbContextAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Puts the demo data back as seeded and empties the caches; call after a test that changes data.</summary>
    public Task ResetDataAsync() => DataReset.ResetAsync(Factory.Services);

    /// <summary>Drops cached public pages and the search index, as the portal does after an edit.</summary>
    public Task EvictCachesAsync() => DataReset.EvictCachesAsync(Factory.Services);

    private static InvalidOperationException NotStarted() => new("The portal fixture has not been initialised.");
}

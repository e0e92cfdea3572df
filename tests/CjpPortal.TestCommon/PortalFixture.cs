using CjpPortal.Core;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CjpPortal.TestCommon;

/// <summary>One test database and one in-memory portal for a whole test collection: the database is created,
/// migrated and seeded once (with demo data, or reference data only: <see cref="ReferenceDataFixture"/>), and dropped
/// at the end.</summary>
public class PortalFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly bool demoData;
    private TestDatabase? database;
    private PortalFactory? factory;
    private HttpClient? client;

    public PortalFixture()
        : this(demoData: true)
    {
    }

    protected PortalFixture(bool demoData) => this.demoData = demoData;

    public FixedTimeProvider Clock { get; } = new();

    public TestDatabase Database => database ?? throw NotStarted();

    public PortalFactory Factory => factory ?? throw NotStarted();

    /// <summary>A shared client that does not follow redirects; use <see cref="CreateClient"/> for one with its own cookies.</summary>
    public HttpClient Client => client ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        factory = new PortalFactory(database.ConnectionString, Clock);
        await DatabaseSetup.MigrateAndSeedAsync(factory.Services, demoMode: demoData);
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

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

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

    /// <summary>Puts the data back as seeded (reference data, and demo data unless this is a
    /// <see cref="ReferenceDataFixture"/>) and empties the caches.</summary>
    public async Task ResetDataAsync()
    {
        await DataReset.ResetAsync(Factory.Services, demoData);
        this.ForgetAccountCopies();
    }

    /// <summary>Drops cached public pages and the search index, as the portal does after an edit.</summary>
    public Task EvictCachesAsync() => DataReset.EvictCachesAsync(Factory.Services);

    private static InvalidOperationException NotStarted() => new("The portal fixture has not been initialised.");
}

/// <summary>A fixture whose database holds reference data only (council areas and partnerships): tests make what they
/// need with the builders in <see cref="TestData"/> and reset before they start, so no test depends on the demo data
/// or on what the test before it left behind.</summary>
public sealed class ReferenceDataFixture : PortalFixture
{
    public ReferenceDataFixture()
        : base(demoData: false)
    {
    }
}

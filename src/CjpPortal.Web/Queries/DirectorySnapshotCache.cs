using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Queries;

/// <summary>All partnerships as the public pages show them, held in memory: 30 small records that change a few times
/// a year, read on every public page. Loaded once (six queries) and replaced when <see cref="Infrastructure.PublicCache"/> evicts,
/// or after <see cref="PortalOptions.PublicPageCacheSeconds"/> in case the database was changed behind the portal's back.</summary>
public sealed class DirectorySnapshotCache(IServiceScopeFactory scopes, IOptions<PortalOptions> options, TimeProvider clock)
{
    private volatile Entry? current;

    private long lastVersion;

    public async Task<IReadOnlyList<PartnershipSnapshot>> GetAsync(CancellationToken cancellationToken = default) =>
        (await GetVersionedAsync(cancellationToken)).Partnerships;

    /// <summary>The snapshot with its version in this process: a new number for every load, so that something
    /// computed from one snapshot (the dashboard's rendered table) can be kept until the snapshot is replaced.</summary>
    public async Task<(IReadOnlyList<PartnershipSnapshot> Partnerships, long Version)> GetVersionedAsync(CancellationToken cancellationToken = default)
    {
        var entry = current;
        if (entry is null || entry.Load.IsFaulted || entry.Load.IsCanceled || clock.GetUtcNow() >= entry.ExpiresAt)
        {
            // Task.Run: the first load builds the EF model and compiles the query before it first awaits, and until
            // the entry is stored here any other caller (the start-up load, a burst of first requests) would start a
            // load of its own.
            entry = new Entry(Task.Run(LoadAsync), clock.GetUtcNow().AddSeconds(Math.Max(1, options.Value.PublicPageCacheSeconds)), Interlocked.Increment(ref lastVersion));
            current = entry;
        }

        return (await entry.Load.WaitAsync(cancellationToken), entry.Version);
    }

    public void Invalidate() => current = null;

    // Not tied to one request's cancellation: other requests may be waiting on the same load.
    private async Task<IReadOnlyList<PartnershipSnapshot>> LoadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryQueries>().LoadAllFromDatabaseAsync(CancellationToken.None);
    }

    private sealed record Entry(Task<IReadOnlyList<PartnershipSnapshot>> Load, DateTimeOffset ExpiresAt, long Version);
}

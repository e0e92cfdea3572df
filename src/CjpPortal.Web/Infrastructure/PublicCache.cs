using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace CjpPortal.Web.Infrastructure;

/// <summary>Everything public pages are built from is cached: rendered pages (output cache), the partnership
/// snapshot, the search names and the organisation listings' index. Anything that changes directory data calls <see cref="EvictAsync"/>, which
/// clears all four here and tells every other instance on the same database to do the same (PostgreSQL NOTIFY,
/// heard by <see cref="PublicCacheListener"/>).</summary>
public sealed class PublicCache(IOutputCacheStore store, DirectorySnapshotCache snapshots, AreaIndex names, ListingIndexCache listings, IConfiguration configuration)
{
    public const string PolicyName = "PublicPage";
    public const string Tag = "directory";

    /// <summary>The PostgreSQL notification channel that carries evictions between instances.</summary>
    public const string Channel = "cjp_public_cache";

    private readonly string connectionString = configuration.GetConnectionString("Default")
        ?? throw new InvalidOperationException("Set the connection string ConnectionStrings__Default (see README.md).");

    public async ValueTask EvictAsync(CancellationToken cancellationToken = default)
    {
        // Here first, so the person who made the change sees it on their next request whatever the notification does.
        await EvictHereAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var notify = new NpgsqlCommand($"NOTIFY {Channel}", connection);
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Clears this instance's caches only: for the listener, and for tests.</summary>
    public ValueTask EvictHereAsync(CancellationToken cancellationToken = default)
    {
        snapshots.Invalidate();
        names.Invalidate();
        listings.Invalidate();
        return store.EvictByTagAsync(Tag, cancellationToken);
    }
}

using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Queries;

/// <summary>All partnerships as the public pages show them, held in memory: 30 small records that change a few times
/// a year, read on every public page. Loaded once (six queries) and replaced when <see cref="Infrastructure.PublicCache"/> evicts,
/// or after <see cref="PortalOptions.PublicPageCacheSeconds"/> (<see cref="SharedLoad{T}"/>).</summary>
public sealed class DirectorySnapshotCache(IServiceScopeFactory scopes, IOptions<PortalOptions> options, TimeProvider clock)
{
    private readonly SharedLoad<IReadOnlyList<PartnershipSnapshot>> shared = new(
        async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DirectoryQueries>().LoadAllFromDatabaseAsync(CancellationToken.None);
        },
        () => TimeSpan.FromSeconds(Math.Max(1, options.Value.PublicPageCacheSeconds)),
        clock);

    public async Task<IReadOnlyList<PartnershipSnapshot>> GetAsync(CancellationToken cancellationToken = default) =>
        (await shared.GetAsync(cancellationToken)).Value;

    /// <summary>The snapshot with its version in this process (<see cref="SharedLoad{T}"/>), so that something
    /// computed from one snapshot (the dashboard's rendered table) can be kept until the snapshot is replaced.</summary>
    public async Task<(IReadOnlyList<PartnershipSnapshot> Partnerships, long Version)> GetVersionedAsync(CancellationToken cancellationToken = default) =>
        await shared.GetAsync(cancellationToken);

    public void Invalidate() => shared.Invalidate();
}

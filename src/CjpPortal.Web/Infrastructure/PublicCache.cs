using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Infrastructure;

/// <summary>Everything public pages are built from is cached: rendered pages (output cache), the partnership
/// snapshot and the search names. Anything that changes directory data calls <see cref="EvictAsync"/>, which
/// clears all three.</summary>
public sealed class PublicCache(IOutputCacheStore store, DirectorySnapshotCache snapshots, AreaIndex names)
{
    public const string PolicyName = "PublicPage";
    public const string Tag = "directory";

    public ValueTask EvictAsync(CancellationToken cancellationToken = default)
    {
        snapshots.Invalidate();
        names.Invalidate();
        return store.EvictByTagAsync(Tag, cancellationToken);
    }
}

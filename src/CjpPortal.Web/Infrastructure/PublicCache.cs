using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Infrastructure;

/// <summary>Public pages are served from the output cache; anything that changes directory data evicts them.</summary>
public sealed class PublicCache(IOutputCacheStore store)
{
    public const string PolicyName = "PublicPage";
    public const string Tag = "directory";

    public ValueTask EvictAsync(CancellationToken cancellationToken = default) => store.EvictByTagAsync(Tag, cancellationToken);
}

using CjpPortal.Web.Infrastructure;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>What the pages for editing one partnership share. The PartnershipEditor policy on the folder has already
/// checked that the user may edit the partnership in the URL. Their addresses are in <see cref="Manage.ManageLinks"/>; form
/// handling in general is in <see cref="FormPages"/>.</summary>
public static class PartnershipPages
{
    /// <summary>The public pages are built from cached directory data; drop it so the change shows at once.</summary>
    public static async Task PublishedAsync(PublicCache cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        await cache.EvictAsync(cancellationToken);
    }
}

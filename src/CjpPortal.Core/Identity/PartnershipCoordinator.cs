using CjpPortal.Core.Domain;

namespace CjpPortal.Core.Identity;

/// <summary>A coordinator assigned to a partnership. A coordinator may look after several partnerships and a
/// partnership may have several coordinators.</summary>
public class PartnershipCoordinator
{
    public Guid UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
}

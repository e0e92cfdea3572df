using CjpPortal.Core.Audit;

namespace CjpPortal.Core.Domain;

public class Contact : IPartnershipOwned
{
    public int Id { get; set; }
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;

    public required string Name { get; set; }

    /// <summary>Job title or role as the partnership describes it.</summary>
    public required string Role { get; set; }

    /// <summary>True for the Community Justice Coordinator.</summary>
    public bool IsCoordinator { get; set; }

    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool IsPublished { get; set; }
    public int DisplayOrder { get; set; }

    int? IPartnershipOwned.OwningPartnershipId => PartnershipId;
}

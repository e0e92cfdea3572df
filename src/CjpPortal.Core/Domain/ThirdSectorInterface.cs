using CjpPortal.Core.Audit;

namespace CjpPortal.Core.Domain;

/// <summary>The local umbrella body for the voluntary sector; one per council area.</summary>
public class ThirdSectorInterface : IPartnershipOwned
{
    public int Id { get; set; }
    public int CouncilAreaId { get; set; }
    public CouncilArea CouncilArea { get; set; } = null!;

    public required string Name { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>Through its council area, which must be loaded.</summary>
    int? IPartnershipOwned.OwningPartnershipId => CouncilArea?.PartnershipId;
}

using CjpPortal.Core.Audit;

namespace CjpPortal.Core.Domain;

/// <summary>A Community Justice Partnership: the statutory partners for one or more council areas.</summary>
public class Partnership : IPartnershipOwned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Website { get; set; }
    public string? GovernanceNotes { get; set; }

    /// <summary>True while the Community Justice Coordinator post is vacant; the fallback contact is shown first.</summary>
    public bool CoordinatorPostVacant { get; set; }

    public int? FallbackContactId { get; set; }
    public Contact? FallbackContact { get; set; }

    /// <summary>The date the partnership last confirmed its directory entry was up to date.</summary>
    public DateOnly? LastConfirmedOn { get; set; }

    public List<CouncilArea> CouncilAreas { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
    public List<EngagementRoute> EngagementRoutes { get; set; } = [];
    public List<Cjoip> Cjoips { get; set; } = [];
    public List<AnnualReturn> AnnualReturns { get; set; } = [];

    int? IPartnershipOwned.OwningPartnershipId => Id;
}

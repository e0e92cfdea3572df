using CjpPortal.Core.Audit;

namespace CjpPortal.Core.Domain;

/// <summary>A way for third-sector organisations to take part in a partnership's work.</summary>
public class EngagementRoute : IPartnershipOwned
{
    public int Id { get; set; }
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;

    public EngagementRouteKind Kind { get; set; }

    /// <summary>For board representation only: how the third sector is represented.</summary>
    public BoardRepresentationKind? RepresentationKind { get; set; }

    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? HowToJoin { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? MeetingFrequency { get; set; }
    public MeetingFormat? Format { get; set; }
    public bool IsActive { get; set; } = true;
    public int DisplayOrder { get; set; }

    int? IPartnershipOwned.OwningPartnershipId => PartnershipId;
}

public enum EngagementRouteKind
{
    // Strategic
    BoardRepresentation = 1,
    LocalForum = 2,
    ThematicGroup = 3,
    Event = 4,
    Consultation = 5,

    // Operational
    Contractual = 11,
    ParticipatoryBudgeting = 12,
    ProjectInvolvement = 13,
    Matac = 14,
    ReleasePlanning = 15,
}

public enum BoardRepresentationKind
{
    ViaThirdSectorInterface = 1,
    ViaForumRepresentatives = 2,
    IndividualProviders = 3,
    Other = 4,
}

public enum MeetingFormat
{
    Online = 1,
    InPerson = 2,
    Blended = 3,
}

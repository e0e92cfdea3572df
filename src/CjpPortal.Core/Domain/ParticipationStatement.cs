using CjpPortal.Core.Audit;

namespace CjpPortal.Core.Domain;

/// <summary>How third-sector and community bodies took part in preparing a CJOIP.</summary>
public class ParticipationStatement : IPartnershipOwned
{
    public const int LinkMaxLength = 500;
    public const int SummaryMaxLength = 4000;

    public int Id { get; set; }
    public int CjoipId { get; set; }
    public Cjoip Cjoip { get; set; } = null!;

    public DateOnly? PublishedOn { get; set; }
    public string? Link { get; set; }

    /// <summary>The statement as an uploaded file, when it is not a <see cref="Link"/>.</summary>
    public int? DocumentId { get; set; }
    public Document? Document { get; set; }

    /// <summary>Who from the third sector and community took part, and how (free text).</summary>
    public string? Summary { get; set; }

    /// <summary>The kinds of engagement route used (from the domain's list).</summary>
    public List<EngagementRouteKind> RouteKinds { get; set; } = [];

    /// <summary>The partnership's own engagement routes that were used.</summary>
    public ICollection<EngagementRoute> Routes { get; set; } = [];

    /// <summary>The statement belongs to its plan's partnership: load <see cref="Cjoip"/> before saving.</summary>
    int? IPartnershipOwned.OwningPartnershipId => Cjoip?.PartnershipId;
}

using CjpPortal.Core.Audit;

namespace CjpPortal.Core.Domain;

/// <summary>A Community Justice Outcomes Improvement Plan.</summary>
public class Cjoip : IPartnershipOwned
{
    public const int LinkMaxLength = 500;
    public const int ResponseEmailMaxLength = Contact.EmailMaxLength;

    public int Id { get; set; }
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;

    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateOnly? ConsultationOpensOn { get; set; }
    public DateOnly? ConsultationClosesOn { get; set; }

    /// <summary>How to respond to the consultation: a web page (https) ...</summary>
    public string? ConsultationResponseLink { get; set; }

    /// <summary>... or an e-mail address (either or both).</summary>
    public string? ConsultationResponseEmail { get; set; }

    /// <summary>The plan published elsewhere (https), when it is not an uploaded <see cref="Document"/>.</summary>
    public string? Link { get; set; }
    public DateOnly? PublishedOn { get; set; }

    /// <summary>The plan as an uploaded file, when it is not a <see cref="Link"/>.</summary>
    public int? DocumentId { get; set; }
    public Document? Document { get; set; }

    public ParticipationStatement? ParticipationStatement { get; set; }

    int? IPartnershipOwned.OwningPartnershipId => PartnershipId;
}

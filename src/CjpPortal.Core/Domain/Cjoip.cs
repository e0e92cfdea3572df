namespace CjpPortal.Core.Domain;

/// <summary>A Community Justice Outcomes Improvement Plan.</summary>
public class Cjoip
{
    public const int LinkMaxLength = 500;

    public int Id { get; set; }
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;

    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public CjoipStatus Status { get; set; }
    public DateOnly? ConsultationOpensOn { get; set; }
    public DateOnly? ConsultationClosesOn { get; set; }
    public string? Link { get; set; }
    public DateOnly? PublishedOn { get; set; }

    public ParticipationStatement? ParticipationStatement { get; set; }
}

public enum CjoipStatus
{
    Draft = 1,
    Consultation = 2,
    Published = 3,
    Superseded = 4,
}

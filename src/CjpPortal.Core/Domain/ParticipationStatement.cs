namespace CjpPortal.Core.Domain;

/// <summary>How third-sector and community bodies took part in preparing a CJOIP.</summary>
public class ParticipationStatement
{
    public const int LinkMaxLength = 500;
    public const int SummaryMaxLength = 4000;

    public int Id { get; set; }
    public int CjoipId { get; set; }
    public Cjoip Cjoip { get; set; } = null!;

    public DateOnly? PublishedOn { get; set; }
    public string? Link { get; set; }
    public string? Summary { get; set; }
}

namespace CjpPortal.Core.Domain;

/// <summary>How third-sector and community bodies took part in preparing a CJOIP.</summary>
public class ParticipationStatement
{
    public int Id { get; set; }
    public int CjoipId { get; set; }
    public Cjoip Cjoip { get; set; } = null!;

    public DateOnly? PublishedOn { get; set; }
    public string? Link { get; set; }
    public string? Summary { get; set; }
}

namespace CjpPortal.Core.Domain;

/// <summary>One of Scotland's 32 council areas, keyed by its GSS code.</summary>
public class CouncilArea
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public required string GssCode { get; set; }
    public required string Name { get; set; }

    /// <summary>Other names people type for the area ("Western Isles", "Borders").</summary>
    public List<string> Aliases { get; set; } = [];

    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;

    public ThirdSectorInterface? ThirdSectorInterface { get; set; }
}

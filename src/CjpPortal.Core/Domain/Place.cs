namespace CjpPortal.Core.Domain;

/// <summary>A town, village, city district or island people search by ("Paisley", "Skye"), in one council area. A
/// name in two council areas (Tarbert, Newburgh) is two places.</summary>
public class Place
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public required string Name { get; set; }

    public int CouncilAreaId { get; set; }
    public CouncilArea CouncilArea { get; set; } = null!;
}

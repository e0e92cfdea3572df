namespace CjpPortal.Core.Domain;

/// <summary>The year's edition of the directory table, published by CJS staff when the refresh closes: a frozen copy
/// of every partnership's row as the directory showed it then (the yearly table the sector used to circulate by
/// hand). One per year.</summary>
public class DirectoryEdition
{
    public const int PublishedByMaxLength = 256;

    public int Id { get; set; }
    public int Year { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public required string PublishedBy { get; set; }

    /// <summary>The column headings, frozen with the values (a JSON array of strings, jsonb), so a later change to
    /// the live directory's columns does not change an old edition.</summary>
    public required string Columns { get; set; }

    public List<DirectoryEditionRow> Rows { get; set; } = [];
}

/// <summary>One partnership's row in an edition, its values frozen as a JSON array of strings (jsonb), one per column.</summary>
public class DirectoryEditionRow
{
    public long Id { get; set; }
    public int EditionId { get; set; }
    public DirectoryEdition Edition { get; set; } = null!;
    public int DisplayOrder { get; set; }

    /// <summary>The partnership's slug when the edition was published: rows of two editions are matched by it.</summary>
    public required string PartnershipSlug { get; set; }

    public required string Values { get; set; }
}

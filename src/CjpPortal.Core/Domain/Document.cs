using CjpPortal.Core.Audit;

namespace CjpPortal.Core.Domain;

/// <summary>A file a partnership uploaded (a plan, a participation statement or an annual report). The bytes live in
/// <see cref="DocumentContent"/>, a table of their own, so listing documents never reads them and every web server
/// reads the same copy.</summary>
public class Document : IPartnershipOwned
{
    public const int FileNameMaxLength = 200;

    /// <summary>The largest file accepted: 20 MB.</summary>
    public const long MaxSizeBytes = 20L * 1024 * 1024;

    public const int Sha256Length = 64;

    public int Id { get; set; }
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;

    /// <summary>The uploaded file's name, made safe for a URL and a Content-Disposition header.</summary>
    public required string FileName { get; set; }

    /// <summary>What the content is, as told from its bytes (not from the name the browser sent).</summary>
    public DocumentFormat Format { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>The account that uploaded it, if it still exists.</summary>
    public Guid? UploadedById { get; set; }

    public DocumentContent? Content { get; set; }

    int? IPartnershipOwned.OwningPartnershipId => PartnershipId;
}

public class DocumentContent
{
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;
    public required byte[] Bytes { get; set; }
}

public enum DocumentFormat
{
    Pdf = 1,
    Docx = 2,
    Odt = 3,
}

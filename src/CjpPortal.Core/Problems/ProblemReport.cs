using CjpPortal.Core.Audit;
using CjpPortal.Core.Domain;

namespace CjpPortal.Core.Problems;

/// <summary>What a member of the public says is wrong with a page of the directory.</summary>
public enum ProblemKind
{
    ContactDetailsWrong = 1,
    NoResponse = 2,
    RouteNoLongerExists = 3,
    Other = 4,
}

/// <summary>A problem reported on a partnership's public page, queued for its coordinators (or CJS staff when it has
/// none) until one of them marks it resolved with a note.</summary>
public class ProblemReport : IPartnershipOwned
{
    public const int NoteMaxLength = 2000;
    public const int ReplyEmailMaxLength = 320;
    public const int ResolutionNoteMaxLength = 2000;

    /// <summary>A SHA-256 in hexadecimal (<see cref="ProblemReportService.ClientKeyOf"/>).</summary>
    public const int ClientKeyLength = 64;

    public int Id { get; set; }

    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;

    public ProblemKind Kind { get; set; }
    public required string Note { get; set; }

    /// <summary>Where the reporter asked to hear back, if anywhere (acknowledgement and outcome).</summary>
    public string? ReplyEmail { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    /// <summary>A hash of the reporter's client address, for the rate limit only: the address itself is not stored.</summary>
    public required string ClientKey { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
    public Guid? ResolvedById { get; set; }
    public string? ResolutionNote { get; set; }

    public bool IsResolved => ResolvedAt is not null;

    int? IPartnershipOwned.OwningPartnershipId => PartnershipId;
}

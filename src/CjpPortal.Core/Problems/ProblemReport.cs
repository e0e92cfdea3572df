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
/// none), or on an organisation's listing, queued for CJS staff and the coordinators of its areas (its contact is told),
/// until one of them marks it resolved with a note. It is about exactly one of the two.</summary>
public class ProblemReport : IPartnershipOwned
{
    public const int NoteMaxLength = 2000;
    public const int ReplyEmailMaxLength = 320;
    public const int ResolutionNoteMaxLength = 2000;

    /// <summary>A SHA-256 in hexadecimal (<see cref="ProblemReportService.ClientKeyOf"/>).</summary>
    public const int ClientKeyLength = 64;

    public int Id { get; set; }

    /// <summary>The partnership whose page the report is about, or null when it is about an organisation's listing.</summary>
    public int? PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }

    /// <summary>The organisation whose listing the report is about, or null when it is about a partnership's page.</summary>
    public int? OrganisationId { get; set; }
    public Organisations.Organisation? Organisation { get; set; }

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

using CjpPortal.Core.Audit;
using CjpPortal.Core.Domain;

namespace CjpPortal.Core.Updates;

/// <summary>What a <see cref="ForumUpdate"/> is: news, or a meeting with a time and a place.</summary>
public enum UpdateKind
{
    Update = 0,
    Meeting = 1,
}

/// <summary>A forum update or meeting posted by a partnership's coordinators, or a national update posted by CJS staff
/// (<see cref="PartnershipId"/> null). A draft is seen only by those who may edit it; once published it is on the
/// public pages and feeds. Correcting a published one keeps its published time and sets <see cref="CorrectedAt"/>.</summary>
public class ForumUpdate : IPartnershipOwned
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 20_000;
    public const int PlaceMaxLength = 500;
    public const int OnlineLinkMaxLength = 500;

    public int Id { get; set; }

    /// <summary>The partnership posting it; null for a national update by Community Justice Scotland.</summary>
    public int? PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }

    public UpdateKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>Markdown, rendered with raw HTML disabled (<see cref="UpdateMarkdown"/>).</summary>
    public required string Body { get; set; }

    /// <summary>For a meeting: when it starts (stored in UTC, shown in Scottish time) and, optionally, ends.</summary>
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>For a meeting: where it is held, and/or the https link to join online.</summary>
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }

    /// <summary>For a meeting: the partnership's engagement route (its forum, a thematic group) it belongs to.</summary>
    public int? EngagementRouteId { get; set; }
    public EngagementRoute? EngagementRoute { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? CorrectedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid UpdatedById { get; set; }

    public bool IsPublished => PublishedAt is not null;

    int? IPartnershipOwned.OwningPartnershipId => PartnershipId;
}

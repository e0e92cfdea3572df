namespace CjpPortal.Core.Audit;

/// <summary>One changed field of a directory record: who changed it, when, from what to what. Rows are only ever
/// added, in the same transaction as the change they describe.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid UserId { get; set; }
    public required string UserEmail { get; set; }
    public int? PartnershipId { get; set; }
    public required string Entity { get; set; }
    public int EntityId { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

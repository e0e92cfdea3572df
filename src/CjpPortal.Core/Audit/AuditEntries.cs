namespace CjpPortal.Core.Audit;

/// <summary>Makes the history rows of one action: every row gets the same actor and the same moment, so the rows of
/// one save read as one change. The only place <see cref="AuditEntry"/> rows are made.</summary>
public sealed class AuditEntries
{
    private readonly AuditActor actor;
    private readonly DateTimeOffset occurredAt;

    private AuditEntries(AuditActor actor, DateTimeOffset occurredAt) => (this.actor, this.occurredAt) = (actor, occurredAt);

    /// <summary>Rows by <paramref name="actor"/>, at the time <paramref name="clock"/> reads now.</summary>
    public static AuditEntries For(AuditActor actor, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        return new AuditEntries(actor, clock.GetUtcNow());
    }

    /// <summary>One changed field: <paramref name="partnershipId"/> is the partnership whose history shows it (null
    /// for account changes), <paramref name="entity"/> the catalogue's name for the record
    /// (<see cref="HistoryCatalogue"/>).</summary>
    public AuditEntry Entry(int? partnershipId, string entity, int entityId, string field, string? oldValue, string? newValue) => new()
    {
        OccurredAt = occurredAt,
        UserId = actor.UserId,
        UserEmail = actor.Email,
        PartnershipId = partnershipId,
        Entity = entity,
        EntityId = entityId,
        Field = field,
        OldValue = oldValue,
        NewValue = newValue,
    };
}

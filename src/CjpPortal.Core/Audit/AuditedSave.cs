using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CjpPortal.Core.Audit;

/// <summary>The person making a change, as history records them.</summary>
public sealed record AuditActor(Guid UserId, string Email);

/// <summary>Saves changes to directory records together with their history: one <see cref="AuditEntry"/> per changed
/// field, written in the same transaction, so a change is never stored without its history or the other way round.
/// Which records and fields are recorded comes from <see cref="HistoryCatalogue"/>; the partnership a row belongs to
/// from <see cref="IPartnershipOwned"/>.</summary>
public static class AuditedSave
{
    /// <summary>Saves, and writes history for every audited record changed. Inside a transaction the caller began, the
    /// save joins it (the caller commits or rolls back both); otherwise it runs in a transaction of its own.</summary>
    public static Task SaveChangesAuditedAsync(this AppDbContext db, AuditActor actor, TimeProvider clock, CancellationToken cancellationToken = default) =>
        db.SaveChangesAuditedAsync(actor, clock, alsoRecord: null, cancellationToken);

    /// <summary>As <see cref="SaveChangesAuditedAsync(AppDbContext, AuditActor, TimeProvider, CancellationToken)"/>, plus
    /// history rows the change tracker cannot see (a many-to-many list such as a statement's routes, or a return's stage
    /// rows recorded as fields of the return): <paramref name="alsoRecord"/> makes them once the records are saved, so
    /// it can use the id of a record added in this save, with the same actor and moment, in the same transaction.</summary>
    public static async Task SaveChangesAuditedAsync(
        this AppDbContext db,
        AuditActor actor,
        TimeProvider clock,
        Func<AuditEntries, IEnumerable<AuditEntry>>? alsoRecord,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = AuditEntries.For(actor, clock);

        db.ChangeTracker.DetectChanges();
        var changes = db.ChangeTracker.Entries()
            .Select(e => (Entry: e, Audited: HistoryCatalogue.For(e.Metadata.ClrType)))
            .Where(e => e.Audited is not null && e.Entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new PendingChange(e.Entry, e.Audited!, Fields(e.Entry), e.Entry.State == EntityState.Added ? null : Key(e.Entry)))
            .Where(c => c.Fields.Count > 0)
            .ToList();

        await using var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var change in changes)
        {
            // An added row has its id only once it is saved.
            var entityId = change.EntityId ?? Key(change.Entry);
            var partnershipId = (change.Entry.Entity as IPartnershipOwned)?.OwningPartnershipId;
            db.AuditEntries.AddRange(change.Fields.Select(f =>
                entries.Entry(partnershipId, change.Audited.Entity, entityId, f.Field, f.OldValue, f.Saved(change.Entry))));
        }

        if (alsoRecord is not null)
        {
            db.AuditEntries.AddRange(alsoRecord(entries));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>A value as history stores it (<see cref="HistoryCatalogue.StoredValue"/>).</summary>
    public static string? Format(object? value) => HistoryCatalogue.StoredValue(value);

    private static int Key(EntityEntry entry) => (int)entry.Property("Id").CurrentValue!;

    private static List<FieldChange> Fields(EntityEntry entry) =>
        [.. entry.Properties
            .Where(p => !HistoryCatalogue.IgnoredFields.Contains(p.Metadata.Name))
            .Select(p => entry.State switch
            {
                EntityState.Added => new FieldChange(p.Metadata.Name, null, Format(p.CurrentValue), p.IsTemporary),
                EntityState.Deleted => new FieldChange(p.Metadata.Name, Format(p.OriginalValue), null, false),
                _ => new FieldChange(p.Metadata.Name, p.IsModified ? Format(p.OriginalValue) : null, p.IsModified ? Format(p.CurrentValue) : null,
                    p.IsModified && p.IsTemporary),
            })
            .Where(f => f.OldValue != f.NewValue || f.Temporary)];

    /// <summary>A changed field. A <paramref name="Temporary"/> value is a placeholder until the save: the id of a
    /// record added in the same save (a plan's DocumentId for a document uploaded with it), read again once saved.</summary>
    private sealed record FieldChange(string Field, string? OldValue, string? NewValue, bool Temporary)
    {
        public string? Saved(EntityEntry entry) => Temporary ? Format(entry.Property(Field).CurrentValue) : NewValue;
    }

    private sealed record PendingChange(EntityEntry Entry, AuditedEntity Audited, List<FieldChange> Fields, int? EntityId);
}

using System.Globalization;
using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CjpPortal.Core.Audit;

/// <summary>The person making a change, as history records them.</summary>
public sealed record AuditActor(Guid UserId, string Email);

/// <summary>Saves changes to directory records together with their history: one <see cref="AuditEntry"/> per changed
/// field, written in the same transaction, so a change is never stored without its history or the other way round.</summary>
public static class AuditedSave
{
    private static readonly HashSet<Type> AuditedTypes =
        [typeof(Partnership), typeof(EngagementRoute), typeof(Contact), typeof(ThirdSectorInterface)];

    /// <summary>Properties that identify or version a row rather than describe it.</summary>
    private static readonly HashSet<string> IgnoredProperties = ["Id", "PartnershipId", "xmin"];

    public static async Task SaveChangesAuditedAsync(this AppDbContext db, AuditActor actor, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);

        db.ChangeTracker.DetectChanges();
        var changes = db.ChangeTracker.Entries()
            .Where(e => AuditedTypes.Contains(e.Metadata.ClrType) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new PendingChange(e, e.State, Fields(e), e.State == EntityState.Added ? null : Key(e)))
            .Where(c => c.Fields.Count > 0)
            .ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var change in changes)
        {
            // An added row has its id only once it is saved.
            var entityId = change.EntityId ?? Key(change.Entry);
            var partnershipId = change.Entry.Entity switch
            {
                Partnership p => p.Id,
                EngagementRoute r => r.PartnershipId,
                Contact c => c.PartnershipId,
                ThirdSectorInterface { CouncilArea: { } area } => area.PartnershipId,
                _ => (int?)null,
            };
            db.AddRange(change.Fields.Select(f => new AuditEntry
            {
                OccurredAt = now,
                UserId = actor.UserId,
                UserEmail = actor.Email,
                PartnershipId = partnershipId,
                Entity = change.Entry.Metadata.ClrType.Name,
                EntityId = entityId,
                Field = f.Field,
                OldValue = f.OldValue,
                NewValue = f.NewValue,
            }));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static int Key(EntityEntry entry) => (int)entry.Property("Id").CurrentValue!;

    private static List<FieldChange> Fields(EntityEntry entry) =>
        [.. entry.Properties
            .Where(p => !IgnoredProperties.Contains(p.Metadata.Name))
            .Select(p => entry.State switch
            {
                EntityState.Added => new FieldChange(p.Metadata.Name, null, Format(p.CurrentValue)),
                EntityState.Deleted => new FieldChange(p.Metadata.Name, Format(p.OriginalValue), null),
                _ => new FieldChange(p.Metadata.Name, p.IsModified ? Format(p.OriginalValue) : null, p.IsModified ? Format(p.CurrentValue) : null),
            })
            .Where(f => f.OldValue != f.NewValue)];

    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed record FieldChange(string Field, string? OldValue, string? NewValue);

    private sealed record PendingChange(EntityEntry Entry, EntityState State, List<FieldChange> Fields, int? EntityId);
}

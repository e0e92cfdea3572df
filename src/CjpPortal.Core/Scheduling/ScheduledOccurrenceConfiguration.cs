using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Scheduling;

public sealed class ScheduledOccurrenceConfiguration : IEntityTypeConfiguration<ScheduledOccurrence>
{
    public const string KindKeyIndex = "ix_scheduled_occurrences_kind_key";

    public void Configure(EntityTypeBuilder<ScheduledOccurrence> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Kind).HasMaxLength(ScheduledOccurrence.KindMaxLength);
        builder.Property(o => o.Key).HasMaxLength(ScheduledOccurrence.KeyMaxLength);
        builder.HasIndex(o => new { o.Kind, o.Key }).IsUnique().HasDatabaseName(KindKeyIndex);
    }
}

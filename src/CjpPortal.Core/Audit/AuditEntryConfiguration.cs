using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityByDefaultColumn();
        builder.Property(a => a.OccurredAt).HasColumnType("timestamp with time zone");
        builder.Property(a => a.UserEmail).HasColumnType("character varying(256)").IsRequired();
        builder.Property(a => a.Entity).HasColumnType("character varying(100)").IsRequired();
        builder.Property(a => a.Field).HasColumnType("character varying(100)").IsRequired();
        builder.Property(a => a.OldValue).HasColumnType("text");
        builder.Property(a => a.NewValue).HasColumnType("text");

        // History outlives the people and records it describes, so no foreign keys: a removed user or route keeps its rows.
        builder.HasIndex(a => new { a.PartnershipId, a.OccurredAt });
    }
}

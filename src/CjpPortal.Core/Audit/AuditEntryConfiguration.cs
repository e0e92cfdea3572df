using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id).HasName("pk_audit_entries");
        builder.Property(a => a.Id).HasColumnName("id").UseIdentityByDefaultColumn();
        builder.Property(a => a.OccurredAt).HasColumnName("occurred_at").HasColumnType("timestamp with time zone");
        builder.Property(a => a.UserId).HasColumnName("user_id");
        builder.Property(a => a.UserEmail).HasColumnName("user_email").HasColumnType("character varying(256)").IsRequired();
        builder.Property(a => a.PartnershipId).HasColumnName("partnership_id");
        builder.Property(a => a.Entity).HasColumnName("entity").HasColumnType("character varying(100)").IsRequired();
        builder.Property(a => a.EntityId).HasColumnName("entity_id");
        builder.Property(a => a.Field).HasColumnName("field").HasColumnType("character varying(100)").IsRequired();
        builder.Property(a => a.OldValue).HasColumnName("old_value").HasColumnType("text");
        builder.Property(a => a.NewValue).HasColumnName("new_value").HasColumnType("text");

        // History outlives the people and records it describes, so no foreign keys: a removed user or route keeps its rows.
        builder.HasIndex(a => new { a.PartnershipId, a.OccurredAt }).HasDatabaseName("ix_audit_entries_partnership_id_occurred_at");
    }
}

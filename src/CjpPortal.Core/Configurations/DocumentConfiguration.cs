using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_documents_size", $"size_bytes > 0 AND size_bytes <= {Document.MaxSizeBytes}");
            t.HasCheckConstraint("ck_documents_format", "format IN (1, 2, 3)");
        });
        builder.HasKey(d => d.Id);
        builder.Property(d => d.FileName).HasMaxLength(Document.FileNameMaxLength).IsRequired();
        builder.Property(d => d.Format).HasColumnType("integer");
        builder.Property(d => d.Sha256).HasMaxLength(Document.Sha256Length).IsFixedLength().IsRequired();
        builder.HasIndex(d => d.PartnershipId);
        builder.HasOne(d => d.Partnership).WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        // The bytes are a row of their own: loading a document's details never reads them.
        builder.HasOne(d => d.Content).WithOne(c => c.Document).HasForeignKey<DocumentContent>(c => c.DocumentId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> builder)
    {
        builder.HasKey(c => c.DocumentId);
        builder.Property(c => c.DocumentId).ValueGeneratedNever();
        builder.Property(c => c.Bytes).HasColumnType("bytea").IsRequired();
    }
}

public sealed class ReturnStageEngagementConfiguration : IEntityTypeConfiguration<ReturnStageEngagement>
{
    public void Configure(EntityTypeBuilder<ReturnStageEngagement> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_return_stage_engagements_stage", "stage BETWEEN 1 AND 4");
            t.HasCheckConstraint("ck_return_stage_engagements_involvement", "involvement BETWEEN 1 AND 3");
            t.HasCheckConstraint("ck_return_stage_engagements_organisation_count", "organisation_count IS NULL OR organisation_count >= 0");
        });
        builder.HasKey(s => new { s.AnnualReturnId, s.Stage });
        builder.Property(s => s.Stage).HasColumnType("integer");
        builder.Property(s => s.Involvement).HasColumnType("integer");
        builder.Property(s => s.Note).HasMaxLength(ReturnStageEngagement.NoteMaxLength);
        builder.HasOne(s => s.AnnualReturn).WithMany(r => r.StageEngagements).HasForeignKey(s => s.AnnualReturnId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

using CjpPortal.Core.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Problems;

public sealed class ProblemReportConfiguration : IEntityTypeConfiguration<ProblemReport>
{
    public void Configure(EntityTypeBuilder<ProblemReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(r => r.Kind).HasColumnType("integer");
        builder.Property(r => r.Note).HasMaxLength(ProblemReport.NoteMaxLength).IsRequired();
        builder.Property(r => r.ReplyEmail).HasMaxLength(ProblemReport.ReplyEmailMaxLength);
        builder.Property(r => r.ClientKey).HasMaxLength(ProblemReport.ClientKeyLength).IsFixedLength().IsRequired();
        builder.Property(r => r.ResolutionNote).HasMaxLength(ProblemReport.ResolutionNoteMaxLength);
        builder.Ignore(r => r.IsResolved);
        // The queue: a partnership's open reports, oldest first; and the rate limit's count of recent reports per client.
        builder.HasIndex(r => new { r.PartnershipId, r.ResolvedAt, r.ReportedAt });
        builder.HasIndex(r => new { r.ClientKey, r.ReportedAt });
        builder.HasOne(r => r.Partnership).WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

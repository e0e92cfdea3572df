using CjpPortal.Core.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Problems;

public sealed class ProblemReportConfiguration : IEntityTypeConfiguration<ProblemReport>
{
    /// <summary>A report is about a partnership's page or an organisation's listing, never both or neither.</summary>
    public const string AboutOneConstraint = "ck_problem_reports_about_one";

    public void Configure(EntityTypeBuilder<ProblemReport> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint(AboutOneConstraint, "(partnership_id IS NULL) <> (organisation_id IS NULL)"));
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
        builder.HasIndex(r => new { r.OrganisationId, r.ResolvedAt, r.ReportedAt });
        builder.HasIndex(r => new { r.ClientKey, r.ReportedAt });
        builder.HasOne(r => r.Partnership).WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

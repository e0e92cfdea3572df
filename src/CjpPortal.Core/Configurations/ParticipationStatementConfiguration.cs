using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class ParticipationStatementConfiguration : IEntityTypeConfiguration<ParticipationStatement>
{
    public void Configure(EntityTypeBuilder<ParticipationStatement> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.PublishedOn).HasColumnType("date");
        builder.Property(s => s.Link).HasMaxLength(ParticipationStatement.LinkMaxLength);
        builder.Property(s => s.Summary).HasMaxLength(ParticipationStatement.SummaryMaxLength);
        builder.HasIndex(s => s.CjoipId).IsUnique().HasDatabaseName(ConstraintNames.ParticipationStatementCjoip);
        builder.HasOne(s => s.Cjoip).WithOne(c => c.ParticipationStatement).HasForeignKey<ParticipationStatement>(s => s.CjoipId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

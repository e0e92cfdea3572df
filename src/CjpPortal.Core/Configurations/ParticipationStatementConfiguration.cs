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
        builder.Property(s => s.Link).HasColumnType("character varying(500)");
        builder.Property(s => s.Summary).HasColumnType("character varying(4000)");
        builder.HasIndex(s => s.CjoipId).IsUnique().HasDatabaseName(ConstraintNames.ParticipationStatementCjoip);
        builder.HasOne(s => s.Cjoip).WithOne(c => c.ParticipationStatement).HasForeignKey<ParticipationStatement>(s => s.CjoipId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

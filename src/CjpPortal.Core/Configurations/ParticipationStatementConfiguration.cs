using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class ParticipationStatementConfiguration : IEntityTypeConfiguration<ParticipationStatement>
{
    public void Configure(EntityTypeBuilder<ParticipationStatement> builder)
    {
        builder.ToTable("participation_statements");
        builder.HasKey(s => s.Id).HasName("pk_participation_statements");
        builder.Property(s => s.Id).HasColumnName("id");
        builder.Property(s => s.CjoipId).HasColumnName("cjoip_id");
        builder.Property(s => s.PublishedOn).HasColumnName("published_on").HasColumnType("date");
        builder.Property(s => s.Link).HasColumnName("link").HasColumnType("character varying(500)");
        builder.Property(s => s.Summary).HasColumnName("summary").HasColumnType("character varying(4000)");
        builder.HasIndex(s => s.CjoipId).IsUnique().HasDatabaseName(ConstraintNames.ParticipationStatementCjoip);
        builder.HasOne(s => s.Cjoip).WithOne(c => c.ParticipationStatement).HasForeignKey<ParticipationStatement>(s => s.CjoipId)
            .HasConstraintName("fk_participation_statements_cjoips_cjoip_id").OnDelete(DeleteBehavior.Cascade);
    }
}

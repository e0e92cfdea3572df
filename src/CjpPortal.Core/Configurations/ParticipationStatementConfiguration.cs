using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class ParticipationStatementConfiguration : IEntityTypeConfiguration<ParticipationStatement>
{
    public void Configure(EntityTypeBuilder<ParticipationStatement> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(s => s.PublishedOn).HasColumnType("date");
        builder.Property(s => s.Link).HasMaxLength(ParticipationStatement.LinkMaxLength);
        builder.Property(s => s.Summary).HasMaxLength(ParticipationStatement.SummaryMaxLength);
        builder.HasOne(s => s.Document).WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(s => s.Routes).WithMany().UsingEntity(
            "participation_statement_routes",
            r => r.HasOne(typeof(EngagementRoute)).WithMany().HasForeignKey("engagement_route_id").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(ParticipationStatement)).WithMany().HasForeignKey("participation_statement_id").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("participation_statement_id", "engagement_route_id"));
        builder.HasIndex(s => s.CjoipId).IsUnique().HasDatabaseName(ConstraintNames.ParticipationStatementCjoip);
        builder.HasOne(s => s.Cjoip).WithOne(c => c.ParticipationStatement).HasForeignKey<ParticipationStatement>(s => s.CjoipId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

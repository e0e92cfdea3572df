using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Email;

public sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.To).HasColumnName("to_address").HasColumnType("character varying(320)").IsRequired();
        builder.Property(e => e.Subject).HasColumnType("character varying(300)").IsRequired();
        builder.Property(e => e.TextBody).HasColumnType("text").IsRequired();
        builder.Property(e => e.HtmlBody).HasColumnType("text");
        builder.Property(e => e.Headers).HasColumnType("jsonb");
        builder.HasIndex(e => e.SentAt);
    }
}

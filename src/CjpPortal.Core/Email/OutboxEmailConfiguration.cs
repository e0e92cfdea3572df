using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Email;

public sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("email_outbox");
        builder.HasKey(e => e.Id).HasName("pk_email_outbox");
        builder.Property(e => e.Id).HasColumnName("id");
        builder.Property(e => e.To).HasColumnName("to_address").HasColumnType("character varying(320)").IsRequired();
        builder.Property(e => e.Subject).HasColumnName("subject").HasColumnType("character varying(300)").IsRequired();
        builder.Property(e => e.TextBody).HasColumnName("text_body").HasColumnType("text").IsRequired();
        builder.Property(e => e.CreatedAt).HasColumnName("created_at");
        builder.Property(e => e.SentAt).HasColumnName("sent_at");
        builder.HasIndex(e => e.SentAt).HasDatabaseName("ix_email_outbox_sent_at");
    }
}

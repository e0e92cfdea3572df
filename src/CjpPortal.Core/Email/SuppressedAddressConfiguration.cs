using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Email;

public sealed class SuppressedAddressConfiguration : IEntityTypeConfiguration<SuppressedAddress>
{
    public const string AddressHashIndex = "ix_suppressed_addresses_address_hash";

    public void Configure(EntityTypeBuilder<SuppressedAddress> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.AddressHash).HasMaxLength(SuppressedAddress.AddressHashLength).IsFixedLength();
        builder.Property(s => s.Reason).HasMaxLength(SuppressedAddress.ReasonMaxLength);
        builder.HasIndex(s => s.AddressHash).IsUnique().HasDatabaseName(AddressHashIndex);
    }
}

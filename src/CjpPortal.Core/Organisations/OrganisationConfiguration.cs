using CjpPortal.Core.Configurations;
using CjpPortal.Core.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Organisations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    /// <summary>Charity numbers are unique (among listings that have one).</summary>
    public const string CharityNumberIndex = "ix_organisations_charity_number";
    public const string CharityNumberCheck = "ck_organisations_charity_number";
    public const string SearchVectorIndex = "ix_organisations_search_vector";
    public const string SearchTextTrigramIndex = "ix_organisations_search_text_trgm";
    public const string NameTrigramIndex = "ix_organisations_name_trgm";

    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint(CharityNumberCheck, "charity_number ~ '^SC[0-9]{6}$'"));
        builder.HasKey(o => o.Id);
        // PostgreSQL's row version: a save made from a stale form (or a moderator deciding on an old version) is refused.
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(o => o.CharityNumber).HasMaxLength(Organisation.CharityNumberMaxLength);
        builder.Property(o => o.Website).HasMaxLength(Organisation.WebsiteMaxLength);
        builder.Property(o => o.ContactEmail).HasMaxLength(Organisation.EmailMaxLength).IsRequired();
        builder.Property(o => o.PublicEmail).HasMaxLength(Organisation.EmailMaxLength);
        builder.Property(o => o.Phone).HasMaxLength(Organisation.PhoneMaxLength);
        builder.Property(o => o.Description).HasMaxLength(Organisation.DescriptionMaxLength).IsRequired();
        builder.Property(o => o.Status).HasColumnType("integer");
        builder.Property(o => o.ModerationReason).HasMaxLength(Organisation.ModerationReasonMaxLength);
        builder.PrimitiveCollection(o => o.Themes).HasColumnType("integer[]").IsRequired().ElementType().HasConversion<int>();
        builder.PrimitiveCollection(o => o.RouteKinds).HasColumnType("integer[]").IsRequired().ElementType().HasConversion<int>();
        builder.Property(o => o.SearchText).HasMaxLength(Organisation.SearchTextMaxLength).IsRequired();
        builder.Property(o => o.SearchVector)
            .HasComputedColumnSql(
                "setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(search_text, '')), 'B')",
                stored: true);

        builder.HasIndex(o => o.CharityNumber).IsUnique().HasDatabaseName(CharityNumberIndex);
        builder.HasIndex(o => o.Status);
        builder.HasIndex(o => o.ContactEmail);
        // The search indexes (GIN) take each insert straight into the index (fastupdate off): with PostgreSQL's default,
        // new rows wait in a pending list that every search scans one by one until a vacuum merges it (after the
        // benchmark's 5,000 listings, searches were several times slower until autovacuum ran). Listings change a few
        // times a day; they are searched all the time. See GinSearchIndex.
        builder.HasIndex(o => o.SearchVector).HasMethod("gin").WithoutPendingList().HasDatabaseName(SearchVectorIndex);
        // Typo tolerance: pg_trgm word similarity ("mentle health" <% text) and name similarity for duplicates.
        builder.HasIndex(o => o.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops").WithoutPendingList().HasDatabaseName(SearchTextTrigramIndex);
        builder.HasIndex(o => o.Name).HasMethod("gin").HasOperators("gin_trgm_ops").WithoutPendingList().HasDatabaseName(NameTrigramIndex);
        builder.HasIndex(o => o.Themes).HasMethod("gin").WithoutPendingList();
    }
}

public sealed class OrganisationAreaConfiguration : IEntityTypeConfiguration<OrganisationArea>
{
    public void Configure(EntityTypeBuilder<OrganisationArea> builder)
    {
        builder.HasKey(a => new { a.OrganisationId, a.CouncilAreaId });
        builder.HasIndex(a => a.CouncilAreaId);
        builder.HasOne(a => a.Organisation).WithMany(o => o.Areas).HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.CouncilArea).WithMany().HasForeignKey(a => a.CouncilAreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OrganisationServiceConfiguration : IEntityTypeConfiguration<OrganisationService>
{
    public const string SearchVectorIndex = "ix_organisation_services_search_vector";
    public const string SearchTextTrigramIndex = "ix_organisation_services_search_text_trgm";

    public void Configure(EntityTypeBuilder<OrganisationService> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(s => s.Name).HasMaxLength(OrganisationService.NameMaxLength).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(OrganisationService.DescriptionMaxLength).IsRequired();
        builder.Property(s => s.WhoItIsFor).HasMaxLength(OrganisationService.WhoItIsForMaxLength);
        builder.Property(s => s.HowToAccess).HasMaxLength(OrganisationService.HowToAccessMaxLength);
        builder.Property(s => s.Email).HasMaxLength(OrganisationService.EmailMaxLength);
        builder.Property(s => s.Phone).HasMaxLength(OrganisationService.PhoneMaxLength);
        builder.Property(s => s.Website).HasMaxLength(OrganisationService.WebsiteMaxLength);
        builder.PrimitiveCollection(s => s.Themes).HasColumnType("integer[]").IsRequired().ElementType().HasConversion<int>();
        builder.Property(s => s.SearchText).HasMaxLength(OrganisationService.SearchTextMaxLength).IsRequired();
        builder.Property(s => s.SearchVector)
            .HasComputedColumnSql(
                "setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(search_text, '')), 'B')",
                stored: true);

        builder.HasIndex(s => s.SearchVector).HasMethod("gin").WithoutPendingList().HasDatabaseName(SearchVectorIndex);
        builder.HasIndex(s => s.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops").WithoutPendingList().HasDatabaseName(SearchTextTrigramIndex);
        builder.HasIndex(s => s.Themes).HasMethod("gin").WithoutPendingList();
        builder.HasOne(s => s.Organisation).WithMany(o => o.Services).HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OrganisationServiceAreaConfiguration : IEntityTypeConfiguration<OrganisationServiceArea>
{
    public void Configure(EntityTypeBuilder<OrganisationServiceArea> builder)
    {
        builder.HasKey(a => new { a.ServiceId, a.CouncilAreaId });
        builder.HasIndex(a => a.CouncilAreaId);
        builder.HasOne(a => a.Service).WithMany(s => s.Areas).HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.CouncilArea).WithMany().HasForeignKey(a => a.CouncilAreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

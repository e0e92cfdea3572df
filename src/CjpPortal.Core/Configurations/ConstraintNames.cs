namespace CjpPortal.Core.Configurations;

/// <summary>Names of unique indexes that code catches by name to show a message on the right field.</summary>
public static class ConstraintNames
{
    public const string CouncilAreaGssCode = "ix_council_areas_gss_code";
    public const string PartnershipSlug = "ix_partnerships_slug";
    /// <summary>Partnership names, compared without regard to case (<see cref="Collations.CaseInsensitive"/>).</summary>
    public const string PartnershipName = "ix_partnerships_name";
    public const string ThirdSectorInterfaceCouncilArea = "ix_third_sector_interfaces_council_area_id";
    public const string EngagementRouteTitle = "ix_engagement_routes_partnership_id_title";
    public const string ParticipationStatementCjoip = "ix_participation_statements_cjoip_id";
    /// <summary>A place name once per council area, compared without regard to case.</summary>
    public const string PlaceName = "ix_places_council_area_id_name";
    public const string AnnualReturnYear = "ix_annual_returns_partnership_id_reporting_year_start";
    /// <summary>One edition of the directory table per year.</summary>
    public const string DirectoryEditionYear = "ix_directory_editions_year";
}

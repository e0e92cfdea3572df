namespace CjpPortal.Web.Api.OpenReferral;

// The shapes Open Referral UK 3.0 (HSDS 3.0 UK profile) gives its objects, only with the fields the portal has.
// Serialised in snake_case with null properties left out (OpenReferralApi.Json); lists are null when empty, so an
// empty optional field never appears as null or [].

public sealed record OrukApiInfo(string Version, string Profile, string OpenapiUrl);

public sealed record OrukPage<T>(
    int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

public sealed record OrukError(string Error);

public sealed record OrukOrganization(Guid Id, string Name, string Description, string? Website = null, string? Email = null);

public sealed record OrukTaxonomy(Guid Id, string Name, string Description, string? Uri = null, string? Version = null);

public sealed record OrukTaxonomyTerm(
    Guid Id, string Name, string Description, Guid TaxonomyId, string Taxonomy, string Term, string? TermUri = null);

public sealed record OrukAttributeLink(Guid Id, Guid LinkId, string LinkType, Guid TaxonomyTermId, OrukTaxonomyTerm TaxonomyTerm);

public sealed record OrukServiceArea(Guid Id, Guid ServiceId, string Name, string ServiceArea);

public sealed record OrukService(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string Status,
    string? Description = null,
    string? Url = null,
    string? Email = null,
    string? AssuredDate = null,
    DateTimeOffset? LastModified = null,
    IReadOnlyList<OrukServiceArea>? ServiceAreas = null,
    OrukOrganization? Organization = null,
    IReadOnlyList<OrukAttributeLink>? Attributes = null);

public sealed record OrukLocation(
    Guid Id, string LocationType, string Name, string Description, string ExternalIdentifier, string ExternalIdentifierType);

public sealed record OrukServiceAtLocation(Guid Id, Guid ServiceId, Guid LocationId, OrukLocation Location, OrukService Service);

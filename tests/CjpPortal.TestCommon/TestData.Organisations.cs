using CjpPortal.Core.Domain;
using CjpPortal.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CjpPortal.TestCommon;

/// <summary>A service for <see cref="TestData.CreateOrganisationAsync"/> to add: its areas by council area name
/// (none and not <paramref name="AllOfScotland"/>: the organisation's own).</summary>
public sealed record TestService(
    string Name,
    string Description = "A service.",
    Theme[]? Themes = null,
    string[]? Areas = null,
    bool AllOfScotland = false,
    string? WhoItIsFor = null,
    string? HowToAccess = null,
    string? Email = null,
    string? Phone = null,
    string? Website = null);

public static partial class TestData
{
    /// <summary>An organisation listing, <see cref="OrganisationStatus.Published"/> unless <paramref name="status"/>
    /// says otherwise, working in the council areas named <paramref name="areas"/> (or all of Scotland), with
    /// <paramref name="services"/>. Its search text is refreshed as the portal does. Times come from the fixture clock.</summary>
    public static async Task<Organisation> CreateOrganisationAsync(
        this PortalFixture fixture,
        string name,
        string[]? areas = null,
        Theme[]? themes = null,
        OrganisationStatus status = OrganisationStatus.Published,
        string? description = null,
        string? charityNumber = null,
        string? contactEmail = null,
        string? website = null,
        bool allOfScotland = false,
        EngagementRouteKind[]? routeKinds = null,
        DateTimeOffset? confirmedAt = null,
        params TestService[] services)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(services);
        var now = fixture.Clock.GetUtcNow();
        return await fixture.WithDbContextAsync(async db =>
        {
            var areaNames = (areas ?? []).Concat(services.SelectMany(s => s.Areas ?? [])).Distinct(StringComparer.Ordinal).ToList();
            var areaIds = await db.CouncilAreas.Where(a => areaNames.Contains(a.Name)).ToDictionaryAsync(a => a.Name, a => a.Id);
            Assert.Equal(areaNames.Count, areaIds.Count);

            var verified = status != OrganisationStatus.PendingVerification;
            var organisation = new Organisation
            {
                Name = name,
                CharityNumber = charityNumber,
                Website = website,
                ContactEmail = contactEmail ?? $"org-{Guid.NewGuid():N}@example.org",
                ContactEmailVerifiedAt = verified ? now : null,
                Description = description ?? $"{name} helps people in its areas.",
                Status = status,
                PublishedAt = status == OrganisationStatus.Published ? now : null,
                ConfirmedAt = status == OrganisationStatus.Published ? confirmedAt ?? now : confirmedAt,
                CreatedAt = now,
                UpdatedAt = now,
                CoversAllOfScotland = allOfScotland,
                Themes = [.. themes ?? [Theme.Other]],
                RouteKinds = [.. routeKinds ?? []],
                Areas = [.. (areas ?? []).Select(a => new OrganisationArea { CouncilAreaId = areaIds[a] })],
            };
            var order = 0;
            foreach (var service in services)
            {
                organisation.Services.Add(new OrganisationService
                {
                    Name = service.Name,
                    Description = service.Description,
                    Themes = service.Themes is null ? [.. organisation.Themes] : [.. service.Themes],
                    WhoItIsFor = service.WhoItIsFor,
                    HowToAccess = service.HowToAccess,
                    Email = service.Email,
                    Phone = service.Phone,
                    Website = service.Website,
                    CoversAllOfScotland = service.AllOfScotland || (service.Areas is null && allOfScotland),
                    Areas = [.. (service.Areas ?? (service.AllOfScotland ? [] : areas ?? [])).Select(a => new OrganisationServiceArea { CouncilAreaId = areaIds[a] })],
                    DisplayOrder = ++order,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }

            OrganisationSearchText.Refresh(organisation);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation;
        });
    }
}

using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.TestCommon;

/// <summary>Builders for a partnership's contacts, its coordinator post and its engagement routes.</summary>
public static partial class TestData
{
    /// <summary>A contact of the partnership <paramref name="slug"/>, placed last, with the fields a test names.</summary>
    public static async Task<Contact> CreateContactAsync(this PortalFixture fixture, string slug, string name, string role,
        bool isCoordinator = false, bool isPublished = true, string? email = "contact@example.org", string? phone = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return await fixture.WithDbContextAsync(async db =>
        {
            var partnershipId = await db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var last = await db.Contacts.Where(c => c.PartnershipId == partnershipId).MaxAsync(c => (int?)c.DisplayOrder) ?? 0;
            var contact = new Contact
            {
                PartnershipId = partnershipId,
                Name = name,
                Role = role,
                IsCoordinator = isCoordinator,
                Email = email,
                Phone = phone,
                IsPublished = isPublished,
                DisplayOrder = last + 1,
            };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact;
        });
    }

    /// <summary>Sets whether the partnership's coordinator post is vacant and who its fallback contact is.</summary>
    public static Task SetCoordinatorPostAsync(this PortalFixture fixture, string slug, bool vacant, int? fallbackContactId)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return fixture.WithDbContextAsync(async db =>
        {
            var partnership = await db.Partnerships.SingleAsync(p => p.Slug == slug);
            partnership.CoordinatorPostVacant = vacant;
            partnership.FallbackContactId = fallbackContactId;
            await db.SaveChangesAsync();
        });
    }

    /// <summary>An active engagement route of the partnership <paramref name="slug"/>, placed last.</summary>
    public static async Task<EngagementRoute> CreateRouteAsync(this PortalFixture fixture, string slug, string title,
        EngagementRouteKind kind = EngagementRouteKind.LocalForum)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return await fixture.WithDbContextAsync(async db =>
        {
            var partnershipId = await db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var last = await db.EngagementRoutes.Where(r => r.PartnershipId == partnershipId).MaxAsync(r => (int?)r.DisplayOrder) ?? 0;
            var route = new EngagementRoute { PartnershipId = partnershipId, Title = title, Kind = kind, IsActive = true, DisplayOrder = last + 1 };
            db.EngagementRoutes.Add(route);
            await db.SaveChangesAsync();
            return route;
        });
    }
}

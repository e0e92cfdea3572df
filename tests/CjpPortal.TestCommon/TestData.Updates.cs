using CjpPortal.Core.Updates;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.TestCommon;

/// <summary>Builders for forum updates and meetings.</summary>
public static partial class TestData
{
    /// <summary>An update of the partnership <paramref name="slug"/> (a national one when null); a meeting when
    /// <paramref name="startsAt"/> is given (at <paramref name="place"/> unless an online link is given); published at
    /// <paramref name="publishedAt"/> when given, a draft otherwise.</summary>
    public static async Task<ForumUpdate> CreateUpdateAsync(
        this PortalFixture fixture,
        string? slug,
        string title = "Forum news",
        string body = "The forum has a new chair.",
        DateTimeOffset? startsAt = null,
        DateTimeOffset? endsAt = null,
        string? place = "Community Hall, High Street",
        string? onlineLink = null,
        int? routeId = null,
        DateTimeOffset? publishedAt = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return await fixture.WithDbContextAsync(async db =>
        {
            var now = fixture.Clock.GetUtcNow();
            var meeting = startsAt is not null;
            var update = new ForumUpdate
            {
                PartnershipId = slug is null ? null : await db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync(),
                Kind = meeting ? UpdateKind.Meeting : UpdateKind.Update,
                Title = title,
                Body = body,
                StartsAt = startsAt,
                EndsAt = endsAt,
                Place = meeting && onlineLink is null ? place : null,
                OnlineLink = onlineLink,
                EngagementRouteId = routeId,
                PublishedAt = publishedAt,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedById = Guid.Empty,
                UpdatedById = Guid.Empty,
            };
            db.ForumUpdates.Add(update);
            await db.SaveChangesAsync();
            return update;
        });
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Updates;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Queries;

/// <summary>An update or meeting as the public pages, feeds and previews show it.</summary>
public sealed record UpdateView(
    int Id, string? PartnershipName, string? PartnershipSlug, UpdateKind Kind, string Title, string Body,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Place, string? OnlineLink, string? RouteTitle,
    DateTimeOffset? PublishedAt, DateTimeOffset? CorrectedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The body as safe HTML (<see cref="UpdateMarkdown"/>).</summary>
    public string Html => UpdateMarkdown.ToHtml(Body);

    public string Summary => UpdateMarkdown.Summary(Body);

    /// <summary>Who posted it, as the public pages say.</summary>
    public string Author => PartnershipName ?? "Community Justice Scotland";

    /// <summary>The last time it changed, for feeds: its correction or its publication.</summary>
    public DateTimeOffset LastChanged => CorrectedAt ?? PublishedAt ?? UpdatedAt;

    public static UpdateView From(ForumUpdate update, string? partnershipName, string? partnershipSlug)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new(update.Id, partnershipName, partnershipSlug, update.Kind, update.Title, update.Body, update.StartsAt, update.EndsAt,
            update.Place, update.OnlineLink, update.EngagementRoute?.Title, update.PublishedAt, update.CorrectedAt, update.UpdatedAt);
    }
}

/// <summary>Published updates for the public pages and feeds. Drafts are never read here.</summary>
public sealed class UpdateQueries(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>One page of published updates, newest first: a partnership's, or (null) every one in Scotland.</summary>
    public async Task<(IReadOnlyList<UpdateView> Updates, Infrastructure.Paging Paging)> PageAsync(int? partnershipId, int? page, CancellationToken cancellationToken)
    {
        var query = Published(partnershipId);
        var paging = Infrastructure.Paging.For(await query.CountAsync(cancellationToken), PageSize, page);
        var updates = await Project(query.OrderByDescending(u => u.PublishedAt).ThenByDescending(u => u.Id).Skip(paging.Skip).Take(PageSize))
            .ToListAsync(cancellationToken);
        return (updates, paging);
    }

    /// <summary>The latest <paramref name="count"/> published updates, newest first (for a page's summary and feeds).</summary>
    public async Task<IReadOnlyList<UpdateView>> LatestAsync(int? partnershipId, int count, CancellationToken cancellationToken) =>
        await Project(Published(partnershipId).OrderByDescending(u => u.PublishedAt).ThenByDescending(u => u.Id).Take(count))
            .ToListAsync(cancellationToken);

    /// <summary>Published meetings that have not yet ended, soonest first.</summary>
    public async Task<IReadOnlyList<UpdateView>> NextMeetingsAsync(int? partnershipId, int count, CancellationToken cancellationToken)
    {
        var now = Now;
        return await Project(Published(partnershipId)
                .Where(u => u.Kind == UpdateKind.Meeting && (u.EndsAt ?? u.StartsAt) > now)
                .OrderBy(u => u.StartsAt).Take(count))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every published meeting (for the calendars), a partnership's or (null) Scotland's.</summary>
    public async Task<IReadOnlyList<UpdateView>> MeetingsAsync(int? partnershipId, CancellationToken cancellationToken) =>
        await Project(Published(partnershipId).Where(u => u.Kind == UpdateKind.Meeting).OrderBy(u => u.StartsAt))
            .ToListAsync(cancellationToken);

    public Task<UpdateView?> FindPublishedAsync(int id, CancellationToken cancellationToken) =>
        Project(db.ForumUpdates.AsNoTracking().Where(u => u.Id == id && u.PublishedAt != null)).SingleOrDefaultAsync(cancellationToken);

    private IQueryable<ForumUpdate> Published(int? partnershipId)
    {
        var published = db.ForumUpdates.AsNoTracking().Where(u => u.PublishedAt != null);
        return partnershipId is { } id ? published.Where(u => u.PartnershipId == id) : published;
    }

    private static IQueryable<UpdateView> Project(IQueryable<ForumUpdate> updates) =>
        updates.Select(u => new UpdateView(u.Id, u.Partnership == null ? null : u.Partnership.Name, u.Partnership == null ? null : u.Partnership.Slug,
            u.Kind, u.Title, u.Body, u.StartsAt, u.EndsAt, u.Place, u.OnlineLink, u.EngagementRoute == null ? null : u.EngagementRoute.Title,
            u.PublishedAt, u.CorrectedAt, u.UpdatedAt));
}

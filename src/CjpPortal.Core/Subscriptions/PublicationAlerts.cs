using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Subscriptions;

/// <summary>Tells a partnership's subscribers who chose "plans, statements and reports published" that one has been:
/// each method adds a <see cref="Broadcast"/> to the caller's context, saved (and so sent later) with the change it
/// announces, in the caller's transaction, or not at all.</summary>
public sealed class PublicationAlerts(IBroadcasts broadcasts, SubscriptionLinks links)
{
    public Task PlanPublishedAsync(AppDbContext db, int partnershipId, string period, CancellationToken cancellationToken) =>
        QueueAsync(db, partnershipId, name => (
            $"{name}: plan for {period} published",
            $"{name} has published its Community Justice Outcomes Improvement Plan for {period}."),
            cancellationToken);

    public Task StatementPublishedAsync(AppDbContext db, int partnershipId, string period, CancellationToken cancellationToken) =>
        QueueAsync(db, partnershipId, name => (
            $"{name}: participation statement for the {period} plan published",
            $"{name} has published the participation statement for its {period} plan: who from the third sector and the community took part in the plan, and how."),
            cancellationToken);

    public Task ReportPublishedAsync(AppDbContext db, int partnershipId, string reportingYear, CancellationToken cancellationToken) =>
        QueueAsync(db, partnershipId, name => (
            $"{name}: annual report for {reportingYear} published",
            $"{name} has published its annual report for {reportingYear}."),
            cancellationToken);

    private async Task QueueAsync(AppDbContext db, int partnershipId, Func<string, (string Subject, string Text)> words, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var partnership = await db.Partnerships.Where(p => p.Id == partnershipId).Select(p => new { p.Name, p.Slug }).SingleAsync(cancellationToken);
        var (subject, text) = words(partnership.Name);
        await broadcasts.QueueAsync(db, partnershipId, SubscriptionTopics.Publications, subject, text, null, links.Absolute($"/partnerships/{partnership.Slug}"), cancellationToken);
    }
}

using CjpPortal.Core.Email;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Refresh;
using CjpPortal.Core.Scheduling;
using CjpPortal.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Core.Organisations;

/// <summary>The yearly confirmation cycle of published listings (as in ALISS's review cycle): a year after a listing
/// was last confirmed its verified contact is asked to confirm it, with reminders until it is (by default 14 and 28
/// days later); when it has gone so long unconfirmed that it is hidden, the contact is told once. Each e-mail is an
/// occurrence keyed by the listing and the date it was last confirmed, so it is sent once, and confirming starts a
/// new cycle whose keys differ.</summary>
public sealed class ListingReviewJob(
    AppDbContext db, IEmailOutbox outbox, IOptions<ListingReviewOptions> options, OrganisationLinks links, SubscriptionLinks portal) : IScheduledJob
{
    /// <summary>Key "{organisationId}/{last confirmed, Unix seconds}/{step}"; step 0 is the request.</summary>
    public const string ReviewKind = "listing-review";

    /// <summary>Key "{organisationId}/{last confirmed, Unix seconds}".</summary>
    public const string HiddenKind = "listing-hidden";

    public string Name => "Listings' yearly confirmation";

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cutoffs = ListingReviewCutoffs.At(settings, now);
        var due = await db.Organisations.AsNoTracking()
            .Where(o => o.Status == OrganisationStatus.Published && (o.ConfirmedAt ?? o.PublishedAt) <= cutoffs.ReviewDueBefore)
            .OrderBy(o => o.Id)
            .ToListAsync(cancellationToken);
        var baseUri = portal.Absolute("/");
        foreach (var organisation in due)
        {
            var last = ListingReview.LastConfirmed(organisation.ConfirmedAt, organisation.PublishedAt)!.Value;
            var cycle = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{organisation.Id}/{last.ToUnixTimeSeconds()}");
            var link = links.Confirm(baseUri, organisation);
            if (cutoffs.FreshnessOf(last) == ListingFreshness.Hidden)
            {
                var hidden = new ListingHiddenEmail(organisation.ContactEmail, organisation.Name, Rules.ScottishTime.DateOf(last), link).ToMessage();
                await ScheduledMail.SendOnceAsync(db, outbox, HiddenKind, cycle, now, [hidden],
                    () => StillUnconfirmedAsync(organisation.Id, last, cancellationToken), cancellationToken);
            }
            else if (ListingReview.StepDue(settings, last, now) is { } step)
            {
                var request = new ListingReviewEmail(organisation.ContactEmail, organisation.Name, reminder: step > 0, link).ToMessage();
                await ScheduledMail.SendOnceAsync(db, outbox, ReviewKind, $"{cycle}/{step.ToString(System.Globalization.CultureInfo.InvariantCulture)}", now, [request],
                    () => StillUnconfirmedAsync(organisation.Id, last, cancellationToken), cancellationToken);
            }
        }
    }

    /// <summary>Read again inside the claim's transaction: a listing confirmed a moment ago gets no reminder.</summary>
    private Task<bool> StillUnconfirmedAsync(int organisationId, DateTimeOffset last, CancellationToken cancellationToken) =>
        db.Organisations.AnyAsync(
            o => o.Id == organisationId && o.Status == OrganisationStatus.Published && (o.ConfirmedAt ?? o.PublishedAt) == last, cancellationToken);
}

/// <summary>The confirmation cycle's cut-offs now (settings and the injected clock), for the pages and queries that
/// sort out-of-date listings down and leave hidden ones out.</summary>
public sealed class ListingReviewClock(IOptions<ListingReviewOptions> options, TimeProvider clock)
{
    public ListingReviewCutoffs Now() => ListingReviewCutoffs.At(options.Value, clock.GetUtcNow());
}

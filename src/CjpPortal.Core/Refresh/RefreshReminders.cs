using CjpPortal.Core.Audit;
using CjpPortal.Core.Email;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;
using CjpPortal.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Core.Refresh;

/// <summary>"Send a reminder now" from the refresh's progress page: a reminder to each chosen partnership's active
/// coordinators (or CJS staff, when it has none), each press its own occurrence, with a history row naming who
/// pressed it, all in one transaction. A press is named by the confirmation step that offered it, so the same
/// confirmation posted twice (a double click, a retried request) reminds each partnership once.</summary>
public sealed class RefreshReminders(AppDbContext db, IEmailOutbox outbox, IOptions<RefreshOptions> options, TimeProvider clock)
{
    /// <summary>The history field of a reminder sent by hand; its new value is the refresh year.</summary>
    public const string ReminderField = "RefreshReminder";

    /// <summary>What a page says when a send arrives without the confirmation step's id.</summary>
    public const string NoConfirmationMessage = "Choose the partnerships to remind again, then send from the confirmation step";

    /// <summary>The names of those of <paramref name="partnershipIds"/> that were reminded (those that exist; a
    /// partnership with no one to write to, or already reminded by this <paramref name="press"/>, is skipped).
    /// <paramref name="press"/> is the confirmation step's id: it only tells a repeated post from a new one and grants
    /// nothing. <paramref name="reviewLink"/> makes the link for a slug and refresh year: in a request the page builds it
    /// from the request's configured address, as the invitations do.</summary>
    public async Task<IReadOnlyList<string>> SendNowAsync(IReadOnlyCollection<int> partnershipIds, Guid press, AuditActor actor, Func<string, int, Uri> reviewLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partnershipIds);
        ArgumentNullException.ThrowIfNull(reviewLink);
        ArgumentNullException.ThrowIfNull(actor);
        if (press == Guid.Empty)
        {
            throw new ArgumentException("A press needs the id of the confirmation step that offered it.", nameof(press));
        }

        var now = clock.GetUtcNow();
        var year = new RefreshCalendar(options.Value).YearOn(ScottishTime.DateOf(now));
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => partnershipIds.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Slug }).ToListAsync(cancellationToken);
        var coordinators = await ActiveRecipients.CoordinatorsAsync(db, now, cancellationToken);
        var staff = await ActiveRecipients.CjsStaffAsync(db, now, cancellationToken);
        var history = AuditEntries.For(actor, clock);
        var reminded = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var p in partnerships)
        {
            var toStaff = !coordinators.TryGetValue(p.Id, out var to);
            to ??= staff;
            // A second post of the same confirmation waits here for the first one's transaction, then finds it claimed.
            if (to.Count == 0
                || !await Occurrences.TryClaimAsync(db, RefreshOccurrences.ManualReminderKind, RefreshOccurrences.ManualReminderKey(year, p.Id, press), now, cancellationToken))
            {
                continue;
            }

            foreach (var address in to)
            {
                outbox.Enqueue(new RefreshReviewEmail(address, p.Name, year, reviewLink(p.Slug, year), reminder: true, toStaff).ToMessage());
            }

            db.AuditEntries.Add(history.Entry(p.Id, HistoryCatalogue.Partnership.Entity, p.Id, ReminderField, null, year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            reminded.Add(p.Name);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reminded;
    }
}

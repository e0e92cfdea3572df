using CjpPortal.Core.Email;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;
using CjpPortal.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Core.Refresh;

/// <summary>The annual refresh: on the opening day an invitation to review and confirm each partnership's entry, on
/// each reminder day a reminder to those not yet confirmed, and on the escalation day one e-mail to CJS staff listing
/// the partnerships still unconfirmed. Each step is an occurrence (<see cref="RefreshOccurrences"/>), so it is sent
/// once; a day missed is caught up by the next run, sending only the latest step due (<see cref="RefreshCalendar.StepDue"/>).</summary>
public sealed class RefreshJob(AppDbContext db, IEmailOutbox outbox, IOptions<RefreshOptions> options, IRefreshLinks links) : IScheduledJob
{
    public string Name => "Annual directory refresh";

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = new RefreshCalendar(options.Value);
        var today = ScottishTime.DateOf(now);
        var year = calendar.YearOn(today);
        var opens = calendar.Opens(year);
        var step = calendar.StepDue(year, today);
        var escalate = calendar.EscalationDue(year, today);
        if (step is null && !escalate)
        {
            return;
        }

        var unconfirmed = await db.Partnerships.AsNoTracking()
            .Where(p => p.LastConfirmedOn == null || p.LastConfirmedOn < opens)
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Slug })
            .ToListAsync(cancellationToken);
        if (unconfirmed.Count == 0)
        {
            return;
        }

        var coordinators = await ActiveRecipients.CoordinatorsAsync(db, now, cancellationToken);
        var staff = await ActiveRecipients.CjsStaffAsync(db, now, cancellationToken);
        if (step is { } due)
        {
            foreach (var p in unconfirmed)
            {
                var toStaff = !coordinators.TryGetValue(p.Id, out var to);
                var messages = (to ?? staff).Select(address =>
                    new RefreshReviewEmail(address, p.Name, year, links.Review(p.Slug, year), !due.IsInvitation, toStaff).ToMessage()).ToList();
                await ScheduledMail.SendOnceAsync(
                    db, outbox, RefreshOccurrences.StepKind, RefreshOccurrences.StepKey(year, p.Id, due.Number), now, messages,
                    () => StillUnconfirmedAsync(p.Id, opens, cancellationToken), cancellationToken);
            }
        }

        if (escalate)
        {
            var names = unconfirmed.Select(p => p.Name).ToList();
            var messages = staff.Select(address => new RefreshEscalationEmail(address, year, names, links.Progress()).ToMessage()).ToList();
            await ScheduledMail.SendOnceAsync(
                db, outbox, RefreshOccurrences.EscalationKind, RefreshOccurrences.EscalationKey(year), now, messages, null, cancellationToken);
        }
    }

    private Task<bool> StillUnconfirmedAsync(int partnershipId, DateOnly opens, CancellationToken cancellationToken) =>
        db.Partnerships.AnyAsync(p => p.Id == partnershipId && (p.LastConfirmedOn == null || p.LastConfirmedOn < opens), cancellationToken);
}

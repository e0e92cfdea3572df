using CjpPortal.Core.Email;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;
using CjpPortal.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Core.Refresh;

/// <summary>Reminds a partnership's active coordinators before the annual return of the latest ended reporting year
/// is due (by default 60 and 14 days before), unless it is submitted or published. Each reminder is an occurrence,
/// sent once; a missed day sends only the latest reminder due.</summary>
public sealed class ReturnDueJob(
    AppDbContext db, IEmailOutbox outbox, IOptions<RefreshOptions> options, IRefreshLinks links, AnnualReturnDeadline deadline) : IScheduledJob
{
    public string Name => "Annual return due reminders";

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = new RefreshCalendar(options.Value);
        var today = ScottishTime.DateOf(now);
        var year = ReportingYear.LatestEnded(today);
        var partnerships = await db.Partnerships.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Slug,
                Return = p.AnnualReturns.Where(r => r.ReportingYearStart == year.StartYear)
                    .Select(r => new ReturnDates(r.ReportingYearStart, r.DueOn, r.SubmittedOn, r.PublishedOn)).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var coordinators = await ActiveRecipients.CoordinatorsAsync(db, now, cancellationToken);
        foreach (var p in partnerships)
        {
            if (!coordinators.TryGetValue(p.Id, out var to)
                || ReturnRules.StatusOf(year, p.Return, deadline, today) is ReturnStatus.Submitted or ReturnStatus.Published)
            {
                continue;
            }

            var dueOn = ReturnRules.DueOn(year, p.Return, deadline);
            if (calendar.ReturnReminderDue(dueOn, today) is not { } daysBefore)
            {
                continue;
            }

            var messages = to.Select(address => new ReturnDueEmail(address, p.Name, year.Label, dueOn, links.Returns(p.Slug)).ToMessage()).ToList();
            await ScheduledMail.SendOnceAsync(
                db, outbox, RefreshOccurrences.ReturnDueKind, RefreshOccurrences.ReturnDueKey(year.StartYear, p.Id, daysBefore), now, messages,
                () => NotSubmittedAsync(p.Id, year.StartYear, today, cancellationToken), cancellationToken);
        }
    }

    /// <summary>Read again inside the claim's transaction: a return recorded as submitted a moment ago stops the reminder.
    /// A submission date still in the future is not a submission yet, as in <see cref="ReturnRules.StatusOf"/>.</summary>
    private Task<bool> NotSubmittedAsync(int partnershipId, int yearStart, DateOnly today, CancellationToken cancellationToken) =>
        db.AnnualReturns.AllAsync(
            r => r.PartnershipId != partnershipId || r.ReportingYearStart != yearStart || r.SubmittedOn == null || r.SubmittedOn > today,
            cancellationToken);
}

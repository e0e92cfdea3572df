using CjpPortal.Core.Audit;
using CjpPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Core.Refresh;

/// <summary>A reminder sent to a partnership: a scheduled step (1, 2, ...) or one sent by hand (<see cref="Step"/> null).</summary>
public sealed record RefreshReminderSent(int? Step, DateTimeOffset At);

/// <summary>One partnership's place in a refresh year.</summary>
public sealed record RefreshProgressRow(
    int Id,
    string Name,
    string Slug,
    DateOnly? ConfirmedOn,
    string? ConfirmedBy,
    bool ConfirmedByCjsStaff,
    DateTimeOffset? InvitedAt,
    IReadOnlyList<RefreshReminderSent> Reminders,
    bool Escalated)
{
    public bool Confirmed => ConfirmedOn is not null;
}

/// <summary>The refresh year's progress, read back from the partnerships, their history and the occurrences.</summary>
public sealed record RefreshProgressReport(int Year, DateOnly Opens, DateOnly EscalatesOn, DateTimeOffset? EscalatedAt, IReadOnlyList<RefreshProgressRow> Rows)
{
    public int ConfirmedCount => Rows.Count(r => r.Confirmed);
    public int InvitedCount => Rows.Count(r => r.InvitedAt is not null);
    public int RemindedCount => Rows.Count(r => r.Reminders.Count > 0);
    public int EscalatedCount => Rows.Count(r => r.Escalated);
}

public sealed class RefreshProgress(AppDbContext db, IOptions<RefreshOptions> options)
{
    public async Task<RefreshProgressReport> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        var calendar = new RefreshCalendar(options.Value);
        var opens = calendar.Opens(year);
        var partnerships = await db.Partnerships.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Slug, p.LastConfirmedOn, p.LastConfirmedByCjsStaff })
            .ToListAsync(cancellationToken);
        var prefix = RefreshOccurrences.YearPrefix(year);
        var occurrences = await db.ScheduledOccurrences.AsNoTracking()
            .Where(o => (o.Kind == RefreshOccurrences.StepKind || o.Kind == RefreshOccurrences.ManualReminderKind) && o.Key.StartsWith(prefix))
            .Select(o => new { o.Kind, o.Key, o.OccurredAt })
            .ToListAsync(cancellationToken);
        var escalationKey = RefreshOccurrences.EscalationKey(year);
        var escalatedAt = await db.ScheduledOccurrences.AsNoTracking()
            .Where(o => o.Kind == RefreshOccurrences.EscalationKind && o.Key == escalationKey)
            .Select(o => (DateTimeOffset?)o.OccurredAt).SingleOrDefaultAsync(cancellationToken);
        var opensAt = ScottishTime.StartOf(opens.AddDays(-1));
        var confirmers = (await db.AuditEntries.AsNoTracking()
            .Where(e => e.Entity == HistoryCatalogue.Partnership.Entity && e.Field == nameof(Domain.Partnership.LastConfirmedOn) && e.OccurredAt >= opensAt)
            .Select(e => new { e.PartnershipId, e.UserEmail, e.OccurredAt })
            .ToListAsync(cancellationToken))
            .GroupBy(e => e.PartnershipId)
            .ToDictionary(g => g.Key ?? 0, g => g.MaxBy(e => e.OccurredAt)!.UserEmail);

        var parsed = new List<(int Id, int? Step, DateTimeOffset At)>();
        foreach (var o in occurrences)
        {
            if (!RefreshOccurrences.TryParse(o.Key, out var id, out var last))
            {
                continue;
            }

            int? step = o.Kind == RefreshOccurrences.StepKind && int.TryParse(last, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;
            parsed.Add((id, step, o.OccurredAt));
        }

        var rows = partnerships.Select(p =>
        {
            var confirmed = calendar.IsConfirmed(year, p.LastConfirmedOn) ? p.LastConfirmedOn : null;
            var mine = parsed.Where(o => o.Id == p.Id).OrderBy(o => o.At).ToList();
            var escalated = escalatedAt is { } at && (confirmed is null || confirmed > ScottishTime.DateOf(at));
            return new RefreshProgressRow(
                p.Id,
                p.Name,
                p.Slug,
                confirmed,
                confirmed is null ? null : confirmers.GetValueOrDefault(p.Id),
                confirmed is not null && p.LastConfirmedByCjsStaff,
                mine.FirstOrDefault(o => o.Step == 0).At is { } invited && invited != default ? invited : null,
                [.. mine.Where(o => o.Step != 0).Select(o => new RefreshReminderSent(o.Step, o.At))],
                escalated);
        }).ToList();
        return new RefreshProgressReport(year, opens, calendar.EscalatesOn(year), escalatedAt, rows);
    }
}

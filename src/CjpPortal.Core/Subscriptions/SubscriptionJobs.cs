using System.Globalization;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Email;
using CjpPortal.Core.Rules;
using CjpPortal.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Core.Subscriptions;

/// <summary>The weekly digest: for each week (Monday to Sunday in Scotland), from the first round after it ends, each
/// confirmed "weekly" subscriber gets one e-mail with that week's broadcasts they follow, or nothing when there were
/// none. Each subscriber's week is an occurrence ("subscription-digest", "{id}/{year}-W{week}"), claimed in the
/// transaction that queues the e-mail, so it is sent once whichever instance runs it. Subscribers who follow
/// consultations also get every consultation of theirs closing within <see cref="ClosingWithinDays"/> days of the
/// Monday after the week, even in a week with no broadcasts.</summary>
public sealed class WeeklyDigest(AppDbContext db, IEmailOutbox outbox, SubscriptionLinks links, IOptions<SubscriptionOptions> options) : IScheduledJob
{
    public const string Kind = "subscription-digest";

    public const int ClosingWithinDays = 7;

    public string Name => "subscription-weekly-digest";

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (weekStart, weekEnd, week) = PreviousWeek(now);
        var broadcasts = await db.Broadcasts.AsNoTracking()
            .Where(b => b.CreatedAt >= weekStart && b.CreatedAt < weekEnd)
            .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        // From the Monday the digest is for, not from now: a round later in the week sees the same list, so a
        // consultation that enters the window mid-week waits for next week's digest rather than sending one now.
        var closing = await ClosingSoonAsync(ScottishTime.DateOf(weekEnd), cancellationToken);
        var suffix = "/" + week;
        var after = 0L;
        while (true)
        {
            var batch = await db.Subscribers.AsNoTracking()
                .Where(s => s.ConfirmedAt != null && s.ConfirmedAt < weekEnd && s.Frequency == SubscriptionFrequency.WeeklyDigest && s.Id > after)
                .OrderBy(s => s.Id)
                .Take(options.Value.FanOutBatchSize)
                .Select(s => new { s.Id, s.Email, s.Stamp, s.AllOfScotland, s.Topics, Partnerships = s.Partnerships.Select(p => p.PartnershipId).ToList() })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            after = batch[^1].Id;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var skipped = await BroadcastFanOut.NotToMailAsync(db, batch.Select(s => s.Email), cancellationToken);
            var mailto = links.UnsubscribeMailto();
            foreach (var s in batch)
            {
                var theirs = broadcasts.Where(b => (s.Topics & b.Topic) != 0
                    && (s.AllOfScotland || (b.PartnershipId is { } id && s.Partnerships.Contains(id)))).ToList();
                var theirClosing = (s.Topics & SubscriptionTopics.Consultations) == 0 ? []
                    : closing.Where(c => s.AllOfScotland || s.Partnerships.Contains(c.PartnershipId)).ToList();
                if ((theirs.Count == 0 && theirClosing.Count == 0) || skipped.Contains(SuppressedAddress.HashOf(s.Email))
                    || !await Occurrences.TryClaimAsync(db, Kind, s.Id.ToString(CultureInfo.InvariantCulture) + suffix, now, cancellationToken))
                {
                    continue;
                }

                var subscriber = new Subscriber { Id = s.Id, Email = s.Email, Stamp = s.Stamp };
                outbox.Enqueue(SubscriptionEmails.Digest(s.Email, theirs, theirClosing, links.Manage(subscriber), links.Unsubscribe(subscriber), mailto));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The plans in consultation on <paramref name="today"/> (<see cref="PlanRules.StageOf"/>) whose consultation
    /// closes within <see cref="ClosingWithinDays"/> days, soonest first.</summary>
    private async Task<List<ClosingConsultation>> ClosingSoonAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var last = today.AddDays(ClosingWithinDays);
        var plans = await db.Cjoips.AsNoTracking()
            .Where(c => c.ConsultationOpensOn <= today && c.ConsultationClosesOn >= today && c.ConsultationClosesOn <= last
                && (c.PublishedOn == null || c.PublishedOn > today))
            .OrderBy(c => c.ConsultationClosesOn).ThenBy(c => c.Partnership.Name)
            .Select(c => new
            {
                Dates = new PlanDates(c.Id, c.PeriodStart, c.PeriodEnd, c.ConsultationOpensOn, c.ConsultationClosesOn, c.PublishedOn, null),
                c.PartnershipId,
                Partnership = c.Partnership.Name,
                c.Partnership.Slug,
                c.ConsultationResponseLink,
                c.ConsultationResponseEmail,
            })
            .ToListAsync(cancellationToken);
        return plans.Where(p => PlanRules.StageOf(p.Dates, [p.Dates], today) == PlanStage.InConsultation)
            .Select(p => new ClosingConsultation(p.PartnershipId, p.Partnership, Labels.PlanPeriod(p.Dates.PeriodStart, p.Dates.PeriodEnd),
                p.Dates.ConsultationClosesOn!.Value, PlanRules.ClosesIn(p.Dates.ConsultationClosesOn, today),
                links.Absolute($"/partnerships/{p.Slug}"), p.ConsultationResponseLink, p.ConsultationResponseEmail))
            .ToList();
    }

    /// <summary>The last whole week (Monday 00:00 to Monday 00:00, Scottish time) before <paramref name="now"/>, and its ISO name.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End, string Name) PreviousWeek(DateTimeOffset now)
    {
        var today = ScottishTime.DateOf(now);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var lastMonday = thisMonday.AddDays(-7);
        var name = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(lastMonday.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(lastMonday.ToDateTime(TimeOnly.MinValue)):00}");
        return (ScottishTime.StartOf(lastMonday), ScottishTime.StartOf(thisMonday), name);
    }
}

/// <summary>Privacy: deletes subscriptions never confirmed within <see cref="SubscriptionOptions.UnconfirmedLifetime"/>
/// (7 days), with what they followed; the confirmation link has expired by then anyway.</summary>
public sealed class UnconfirmedSubscriptionCleanup(AppDbContext db, IOptions<SubscriptionOptions> options) : IScheduledJob
{
    public string Name => "subscription-unconfirmed-cleanup";

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutOff = now - options.Value.UnconfirmedLifetime;
        await db.Subscribers.Where(s => s.ConfirmedAt == null && s.CreatedAt < cutOff).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>Tells subscribers when a plan's consultation opens: the day comes from the plan's dates (set in advance),
/// so a job notices it, once per plan (occurrence "consultation-opened", plan id), in the transaction that queues the
/// broadcast.</summary>
public sealed class ConsultationOpenedJob(AppDbContext db, IBroadcasts broadcasts, SubscriptionLinks links) : IScheduledJob
{
    public const string Kind = "consultation-opened";

    public string Name => "consultation-opened";

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = ScottishTime.DateOf(now);
        var opened = await db.Cjoips.AsNoTracking()
            .Where(c => c.PublishedOn == null && c.ConsultationOpensOn != null && c.ConsultationOpensOn <= today
                && (c.ConsultationClosesOn == null || c.ConsultationClosesOn >= today))
            .Select(c => new { c.Id, c.PartnershipId, Partnership = c.Partnership.Name, c.Partnership.Slug, c.PeriodStart, c.PeriodEnd, c.ConsultationClosesOn })
            .ToListAsync(cancellationToken);
        var announced = (await db.ScheduledOccurrences.Where(o => o.Kind == Kind).Select(o => o.Key).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var plan in opened.Where(p => !announced.Contains(p.Id.ToString(CultureInfo.InvariantCulture))))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await Occurrences.TryClaimAsync(db, Kind, plan.Id.ToString(CultureInfo.InvariantCulture), now, cancellationToken))
            {
                var period = string.Create(CultureInfo.InvariantCulture, $"{plan.PeriodStart.Year} to {plan.PeriodEnd.Year}");
                var closes = plan.ConsultationClosesOn is { } date
                    ? " It closes on " + date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) + "."
                    : string.Empty;
                await broadcasts.QueueAsync(db, plan.PartnershipId, SubscriptionTopics.Consultations,
                    $"{plan.Partnership}: consultation open on the draft plan for {period}",
                    $"{plan.Partnership} Community Justice Partnership is consulting on its draft Community Justice Outcomes Improvement Plan for {period}.{closes}",
                    null, links.Absolute($"/partnerships/{plan.Slug}"), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }
}

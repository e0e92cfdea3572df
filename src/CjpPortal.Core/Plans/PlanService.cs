using CjpPortal.Core.Audit;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using CjpPortal.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Plans;

/// <summary>Why a plan could not be published, or why its period could not be changed.</summary>
public enum PlanRefusal
{
    None,
    PublishedInFuture,
    AlreadyPublished,
    OverlapsPublishedPlan,
}

/// <summary>Publishing a plan (CJOIP): the checks, the published date and its history in one transaction, with the
/// partnership's row locked so two plans published at once cannot overlap. A plan is superseded by the rules
/// (<see cref="PlanRules.StageOf"/>) as soon as a later one is published: nothing else is stored.</summary>
public sealed class PlanService(AppDbContext db, TimeProvider clock, PublicationAlerts alerts)
{
    public DateOnly Today => ScottishTime.Today(clock);

    /// <summary>Publishes <paramref name="plan"/> (tracked by this service's context) on <paramref name="publishedOn"/>;
    /// nothing is saved when the answer is not <see cref="PlanRefusal.None"/>.</summary>
    public async Task<PlanRefusal> PublishAsync(Cjoip plan, DateOnly publishedOn, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.PublishedOn is not null)
        {
            return PlanRefusal.AlreadyPublished;
        }

        if (publishedOn > Today)
        {
            return PlanRefusal.PublishedInFuture;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await OverlapsLockedAsync(plan.PartnershipId, plan.Id, plan.PeriodStart, plan.PeriodEnd, cancellationToken))
        {
            return PlanRefusal.OverlapsPublishedPlan;
        }

        plan.PublishedOn = publishedOn;
        await alerts.PlanPublishedAsync(db, plan.PartnershipId, $"{plan.PeriodStart.Year} to {plan.PeriodEnd.Year}", cancellationToken);
        await db.SaveChangesAuditedAsync(actor, clock, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PlanRefusal.None;
    }

    /// <summary>Saves an edit of <paramref name="plan"/> (tracked, changed by the caller) with its history; for a
    /// published plan the new period is checked against the partnership's other published plans first, under the
    /// same lock as <see cref="PublishAsync"/>.</summary>
    public async Task<PlanRefusal> SaveAsync(Cjoip plan, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (plan.PublishedOn is not null
            && await OverlapsLockedAsync(plan.PartnershipId, plan.Id, plan.PeriodStart, plan.PeriodEnd, cancellationToken))
        {
            return PlanRefusal.OverlapsPublishedPlan;
        }

        await db.SaveChangesAuditedAsync(actor, clock, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PlanRefusal.None;
    }

    /// <summary>Locks the partnership's row for the rest of the transaction (every publish and every change to a
    /// published plan's period takes the same lock), then checks the period against its other published plans.</summary>
    private async Task<bool> OverlapsLockedAsync(int partnershipId, int planId, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM partnerships WHERE id = {partnershipId} FOR UPDATE", cancellationToken);
        var plans = await db.Cjoips.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Id != planId && c.PublishedOn != null)
            .Select(c => new PlanDates(c.Id, c.PeriodStart, c.PeriodEnd, c.ConsultationOpensOn, c.ConsultationClosesOn, c.PublishedOn, null))
            .ToListAsync(cancellationToken);
        return PlanRules.OverlappingPublished(planId, start, end, plans).Any();
    }
}

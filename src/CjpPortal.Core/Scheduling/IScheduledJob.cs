namespace CjpPortal.Core.Scheduling;

/// <summary>Work the <see cref="Scheduler"/> runs every round (reminders, escalations, digests, clean-ups). A job
/// looks at the time it is given and the database, and does what is due: it must be safe to run at any moment, on
/// several instances at once and again after a restart, which <see cref="Occurrences.TryClaimAsync"/> makes easy.
/// Register one with <c>services.AddScheduledJob&lt;T&gt;()</c>.</summary>
public interface IScheduledJob
{
    /// <summary>Names the job in logs.</summary>
    string Name { get; }

    Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

namespace CjpPortal.Core.Scheduling;

/// <summary>One thing the scheduler did, once: a reminder, an escalation, a digest. <see cref="Kind"/> and
/// <see cref="Key"/> (for example "refresh-reminder" and "2027/falkirk/step-2") are unique together, so a job that
/// inserts its occurrence in the same transaction as the e-mails it queues sends them exactly once, whichever
/// instance runs it and however often it restarts.</summary>
public class ScheduledOccurrence
{
    public const int KindMaxLength = 100;
    public const int KeyMaxLength = 300;

    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string Key { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}

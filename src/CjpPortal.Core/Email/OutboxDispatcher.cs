using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CjpPortal.Core.Email;

/// <summary>Delivers the outbox. Every instance of the portal (and the <c>worker</c> command) may run one; PostgreSQL
/// is the only coordination. A batch of due rows is claimed in one statement (<c>FOR UPDATE SKIP LOCKED</c>, setting
/// a lease: this instance's id and an expiry), so two instances never claim the same row; a row whose sender died
/// keeps its lease until it expires, and then any instance takes it over. The outcome of each message (sent, retry
/// later, failed, suppressed) is recorded when the batch ends, even when the dispatcher is being stopped.
/// <para>Delivery is exactly once except in one window: a sender that dies after the SMTP server accepted a message
/// and before the batch's outcome was written leaves that message claimed, and the instance that takes it over sends
/// it again (the same Message-ID, so a receiver can tell). Stopping the host cooperatively does not open that window:
/// the batch stops between messages and what was sent is recorded.</para></summary>
public sealed partial class OutboxDispatcher(
    IDbContextFactory<AppDbContext> contexts,
    IEmailTransport transport,
    IOptions<DispatcherOptions> dispatcherOptions,
    IOptions<EmailOptions> emailOptions,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const string SuppressedError = "Not sent: the address is on the suppression list.";

    private readonly DispatcherOptions options = dispatcherOptions.Value;
    private readonly string messageIdDomain = MailboxAddress.Parse(emailOptions.Value.From).Domain;
    private long nextSendTimestamp;

    public string InstanceId { get; } = dispatcherOptions.Value.InstanceId ?? DefaultInstanceId();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        try
        {
            await Task.Delay(options.StartDelay, clock, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must outlive a database outage; the next round tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogRoundFailed(exception);
            }

            try
            {
                await Task.Delay(options.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends batches until no row is due, and says what happened. Tests call this directly, with the hosted
    /// loop disabled.</summary>
    public async Task<DispatchResult> SendDueAsync(CancellationToken cancellationToken)
    {
        var total = new DispatchResult();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await ClaimAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return total;
            }

            total = total.Plus(await SendBatchAsync(batch, cancellationToken));
        }
    }

    /// <summary>Claims up to a batch of due rows for this instance (status sending, a lease until now + the lease
    /// duration, one more attempt) and returns them. Public so that a test can claim a batch and then "die".</summary>
    public async Task<IReadOnlyList<OutboxEmail>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var leaseExpiresAt = now + options.LeaseDuration;
        const int queued = (int)OutboxEmailStatus.Queued;
        const int sending = (int)OutboxEmailStatus.Sending;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.EmailOutbox.FromSql($"""
            UPDATE email_outbox AS e
            SET status = {sending}, lease_owner = {InstanceId}, lease_expires_at = {leaseExpiresAt}, attempts = e.attempts + 1
            WHERE e.id IN (
                SELECT d.id FROM email_outbox AS d
                WHERE (d.status = {queued} AND d.next_attempt_at <= {now})
                   OR (d.status = {sending} AND d.lease_expires_at <= {now})
                ORDER BY d.next_attempt_at, d.id
                LIMIT {options.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING e.*
            """).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id)];
    }

    private async Task<DispatchResult> SendBatchAsync(IReadOnlyList<OutboxEmail> batch, CancellationToken cancellationToken)
    {
        var suppressed = await SuppressedAmongAsync(batch, cancellationToken);
        var outcomes = new List<Outcome>(batch.Count);
        try
        {
            await using var session = await transport.OpenAsync(cancellationToken);
            Exception? serverProblem = null;
            foreach (var row in batch)
            {
                // Stopping: the rows not yet tried keep their lease and are taken over when it expires.
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                if (NotToSend(suppressed, row))
                {
                    outcomes.Add(new Outcome(row, OutcomeKind.Suppressed, SuppressedError));
                    continue;
                }

                // The server could not be reached for an earlier message: the rest wait with it rather than each
                // waiting for its own connection to fail.
                if (serverProblem is not null)
                {
                    outcomes.Add(new Outcome(row, OutcomeKind.Retry, Describe(serverProblem)));
                    continue;
                }

                await PaceAsync(cancellationToken);
                try
                {
                    await session.SendAsync(ToMessage(row), cancellationToken);
                    outcomes.Add(new Outcome(row, OutcomeKind.Sent, null));
                }
                catch (EmailRefusedException refused)
                {
                    outcomes.Add(new Outcome(row, refused.RecipientRefused ? OutcomeKind.RecipientRefused : OutcomeKind.Failed, Describe(refused)));
                }
                catch (EmailDeferredException deferred)
                {
                    outcomes.Add(new Outcome(row, OutcomeKind.Retry, Describe(deferred)));
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Whether the server took it is unknown: the lease expires and it is sent (perhaps again) later.
                    break;
                }
#pragma warning disable CA1031 // Any other failure (connection, TLS, timeout) is temporary: the message is tried again later.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    serverProblem = exception;
                    outcomes.Add(new Outcome(row, OutcomeKind.Retry, Describe(exception)));
                }
            }
        }
        finally
        {
            // Not cancellable: what was handed to the server must be recorded, or it would be sent again.
            await RecordAsync(outcomes, CancellationToken.None);
        }

        return new DispatchResult
        {
            Sent = outcomes.Count(o => o.Kind == OutcomeKind.Sent),
            Retried = outcomes.Count(o => o.Kind == OutcomeKind.Retry && !GivesUp(o.Row)),
            Failed = outcomes.Count(o => o.Kind is OutcomeKind.Failed or OutcomeKind.RecipientRefused || (o.Kind == OutcomeKind.Retry && GivesUp(o.Row))),
            Suppressed = outcomes.Count(o => o.Kind == OutcomeKind.Suppressed),
        };
    }

    private async Task<HashSet<string>> SuppressedAmongAsync(IReadOnlyList<OutboxEmail> batch, CancellationToken cancellationToken)
    {
        var hashes = batch.Select(r => SuppressedAddress.HashOf(r.To)).Distinct().ToList();
        // Bulk mail (it has List-Unsubscribe) also stops for an address that unsubscribed after its row was queued.
        var bulk = batch.Where(IsBulk).Select(r => SuppressedAddress.HashOf(r.To)).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.SuppressedAddresses.Where(s => hashes.Contains(s.AddressHash)).Select(s => s.AddressHash).ToListAsync(cancellationToken);
        var unsubscribed = bulk.Count == 0 ? [] : await db.UnsubscribedAddresses.Where(u => bulk.Contains(u.AddressHash)).Select(u => u.AddressHash).ToListAsync(cancellationToken);
        return [.. found, .. unsubscribed.Select(h => UnsubscribedKey + h)];
    }

    /// <summary>Marks an unsubscribed address's hash in the set <see cref="SuppressedAmongAsync"/> returns.</summary>
    private const string UnsubscribedKey = "unsubscribed:";

    private static bool NotToSend(HashSet<string> suppressed, OutboxEmail row)
    {
        var hash = SuppressedAddress.HashOf(row.To);
        return suppressed.Contains(hash) || (IsBulk(row) && suppressed.Contains(UnsubscribedKey + hash));
    }

    private static bool IsBulk(OutboxEmail row) =>
        row.Headers is not null && row.Headers.Contains("\"List-Unsubscribe\"", StringComparison.OrdinalIgnoreCase);

    private bool GivesUp(OutboxEmail row) => row.Attempts >= options.MaxAttempts;

    /// <summary>Exponential backoff: the base delay after the first attempt, doubling after each later one.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.RetryBaseDelay.Ticks * factor, options.MaxRetryDelay.Ticks));
        return delay;
    }

    private async Task RecordAsync(List<Outcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only rows still under this instance's lease: one taken over after the lease expired is the other's to record.
        var mine = db.EmailOutbox.Where(e => e.LeaseOwner == InstanceId && e.Status == OutboxEmailStatus.Sending);

        var sent = outcomes.Where(o => o.Kind == OutcomeKind.Sent).Select(o => o.Row.Id).ToList();
        if (sent.Count > 0)
        {
            await mine.Where(e => sent.Contains(e.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, OutboxEmailStatus.Sent)
                .SetProperty(e => e.SentAt, now)
                .SetProperty(e => e.LeaseOwner, (string?)null)
                .SetProperty(e => e.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(e => e.LastError, (string?)null), cancellationToken);
        }

        foreach (var outcome in outcomes.Where(o => o.Kind != OutcomeKind.Sent))
        {
            var id = outcome.Row.Id;
            var error = OutboxEmail.BoundedError(outcome.Error ?? "");
            var final = outcome.Kind switch
            {
                OutcomeKind.Suppressed => OutboxEmailStatus.Cancelled,
                OutcomeKind.Retry when !GivesUp(outcome.Row) => OutboxEmailStatus.Queued,
                _ => OutboxEmailStatus.Failed,
            };
            var nextAttemptAt = final == OutboxEmailStatus.Queued ? now + RetryDelay(outcome.Row.Attempts) : outcome.Row.NextAttemptAt;
            await mine.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, final)
                .SetProperty(e => e.NextAttemptAt, nextAttemptAt)
                .SetProperty(e => e.LeaseOwner, (string?)null)
                .SetProperty(e => e.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(e => e.LastError, error), cancellationToken);
            if (final == OutboxEmailStatus.Failed)
            {
                LogFailed(id, error);
            }

            if (outcome.Kind == OutcomeKind.RecipientRefused)
            {
                var hash = SuppressedAddress.HashOf(outcome.Row.To);
                var reason = SuppressedAddress.BoundedReason($"Refused by the mail server: {outcome.Error}");
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO suppressed_addresses (address_hash, reason, created_at) VALUES ({hash}, {reason}, {now})
                    ON CONFLICT (address_hash) DO NOTHING
                    """, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Keeps this instance under <see cref="DispatcherOptions.MessagesPerSecond"/>.</summary>
    private async Task PaceAsync(CancellationToken cancellationToken)
    {
        if (options.MessagesPerSecond <= 0)
        {
            return;
        }

        var interval = (long)(clock.TimestampFrequency / options.MessagesPerSecond);
        var now = clock.GetTimestamp();
        if (nextSendTimestamp > now)
        {
            await Task.Delay(clock.GetElapsedTime(now, nextSendTimestamp), clock, cancellationToken);
        }

        nextSendTimestamp = Math.Max(now, nextSendTimestamp) + interval;
    }

    private EmailMessage ToMessage(OutboxEmail row) =>
        new(row.To, row.Subject, row.TextBody)
        {
            HtmlBody = row.HtmlBody,
            Headers = row.Headers is null
                ? new Dictionary<string, string>()
                : JsonSerializer.Deserialize<Dictionary<string, string>>(row.Headers) ?? [],
            // Stable for the row, so every attempt carries the same ID; the creation time keeps IDs apart across databases.
            MessageId = $"{row.Id}.{row.CreatedAt.ToUnixTimeMilliseconds()}@{messageIdDomain}",
        };

    private static string DefaultInstanceId()
    {
        var machine = Environment.MachineName;
        return $"{machine[..Math.Min(machine.Length, 40)]}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    }

    private static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the outbox failed; trying again at the next poll")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} failed for good: {Error}")]
    private partial void LogFailed(long id, string error);

    private enum OutcomeKind
    {
        Sent,
        Retry,
        Failed,
        RecipientRefused,
        Suppressed,
    }

    private sealed record Outcome(OutboxEmail Row, OutcomeKind Kind, string? Error);
}

/// <summary>What one <see cref="OutboxDispatcher.SendDueAsync"/> did: messages sent, put back for a later attempt,
/// failed for good, and not sent because the address is suppressed.</summary>
public readonly record struct DispatchResult(int Sent, int Retried, int Failed, int Suppressed)
{
    public DispatchResult Plus(DispatchResult other) =>
        new(Sent + other.Sent, Retried + other.Retried, Failed + other.Failed, Suppressed + other.Suppressed);
}

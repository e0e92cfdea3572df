using CjpPortal.Core;
using CjpPortal.Core.Email;
using CjpPortal.TestCommon;
using CjpPortal.TestCommon.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Email;

/// <summary>The outbox dispatcher against real PostgreSQL and a real SMTP server (aiosmtpd saving to a Maildir):
/// what arrives, outages, several instances, a dead instance, refusals and suppression.</summary>
[Collection(ReferenceDataCollection.Name)]
public sealed class OutboxDispatcherTests(ReferenceDataFixture fixture) : IAsyncLifetime
{
    private DateTimeOffset start;

    public async Task InitializeAsync()
    {
        start = fixture.Clock.GetUtcNow();
        await fixture.ResetDataAsync();
    }

    public Task DisposeAsync()
    {
        fixture.Clock.SetUtcNow(start);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SendDue_QueuedMessage_ArrivesWithBothPartsMessageIdDateAndHeaders()
    {
        // Arrange
        await using var server = await SmtpServer.StartAsync();
        var message = new EmailMessage("reader@example.org", "Forum meeting on Tuesday", "Plain text body")
        {
            HtmlBody = "<p>HTML body</p>",
            Headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated", ["X-Portal-Test"] = "one" },
        };
        await QueueAsync([message]);
        var dispatcher = TestDispatchers.Create(fixture, server, "a");

        // Act
        var result = await dispatcher.SendDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(new DispatchResult(Sent: 1, Retried: 0, Failed: 0, Suppressed: 0), result);
        var received = Assert.Single(server.Messages());
        var row = await fixture.WithDbContextAsync(db => db.EmailOutbox.SingleAsync());
        Assert.Equal("reader@example.org", Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal("portal@cjp.example.org", Assert.Single(received.From.Mailboxes).Address);
        Assert.Equal("Forum meeting on Tuesday", received.Subject);
        Assert.Equal("Plain text body", received.TextBody?.TrimEnd());
        Assert.Equal("<p>HTML body</p>", received.HtmlBody?.TrimEnd());
        Assert.IsType<MimeKit.MultipartAlternative>(received.Body);
        Assert.Equal($"{row.Id}.{row.CreatedAt.ToUnixTimeMilliseconds()}@cjp.example.org", received.MessageId);
        Assert.Equal(fixture.Clock.GetUtcNow(), received.Date);
        Assert.Equal("auto-generated", received.Headers["Auto-Submitted"]);
        Assert.Equal("one", received.Headers["X-Portal-Test"]);
        Assert.Equal(OutboxEmailStatus.Sent, row.Status);
        Assert.Equal(fixture.Clock.GetUtcNow(), row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LeaseOwner);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task SendDue_ServerDownWith200Queued_KeepsThemAndDeliversEachOnceAfterBackoff()
    {
        // Arrange
        await using var server = await SmtpServer.StartAsync();
        await server.StopAsync();
        await QueueAsync(Numbered(200));
        var dispatcher = TestDispatchers.Create(fixture, server, "a");

        // Act: the server is down
        var whileDown = await dispatcher.SendDueAsync(CancellationToken.None);
        var rowsWhileDown = await RowsAsync();
        await server.StartAsync(CancellationToken.None);
        var beforeBackoff = await dispatcher.SendDueAsync(CancellationToken.None);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var afterBackoff = await dispatcher.SendDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(new DispatchResult(Sent: 0, Retried: 200, Failed: 0, Suppressed: 0), whileDown);
        Assert.All(rowsWhileDown, row =>
        {
            Assert.Equal(OutboxEmailStatus.Queued, row.Status);
            Assert.Equal(1, row.Attempts);
            Assert.Equal(start + TimeSpan.FromMinutes(1), row.NextAttemptAt);
            Assert.NotNull(row.LastError);
        });
        Assert.Equal(0, beforeBackoff.Sent);
        Assert.Equal(200, afterBackoff.Sent);
        AssertEachDeliveredOnce(server, 200);
        Assert.All(await RowsAsync(), row => Assert.Equal(OutboxEmailStatus.Sent, row.Status));
    }

    [Fact]
    public async Task SendDue_TwoInstancesOn1000Queued_DeliverEachOnce()
    {
        // Arrange
        await using var server = await SmtpServer.StartAsync();
        await QueueAsync(Numbered(1000));
        var a = TestDispatchers.Create(fixture, server, "instance-a");
        var b = TestDispatchers.Create(fixture, server, "instance-b");

        // Act
        var results = await Task.WhenAll(
            Task.Run(() => a.SendDueAsync(CancellationToken.None)),
            Task.Run(() => b.SendDueAsync(CancellationToken.None)));

        // Assert
        Assert.Equal(1000, results[0].Sent + results[1].Sent);
        AssertEachDeliveredOnce(server, 1000);
        Assert.All(await RowsAsync(), row => Assert.Equal(OutboxEmailStatus.Sent, row.Status));
    }

    [Fact]
    public async Task SendDue_InstanceDiesAfterClaiming_OtherTakesItsBatchOverWhenTheLeaseExpires()
    {
        // Arrange: "dead" claims a batch and never sends it, as a process killed between claim and send.
        await using var server = await SmtpServer.StartAsync();
        await QueueAsync(Numbered(1000));
        var dead = TestDispatchers.Create(fixture, server, "dead");
        var survivor = TestDispatchers.Create(fixture, server, "survivor");
        var claimed = await dead.ClaimAsync(CancellationToken.None);

        // Act
        var beforeExpiry = await survivor.SendDueAsync(CancellationToken.None);
        var stillLeased = await fixture.WithDbContextAsync(db => db.EmailOutbox.CountAsync(e => e.Status == OutboxEmailStatus.Sending && e.LeaseOwner == "dead"));
        fixture.Clock.Advance(new DispatcherOptions().LeaseDuration);
        var afterExpiry = await survivor.SendDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(50, claimed.Count);
        Assert.Equal(950, beforeExpiry.Sent);
        Assert.Equal(50, stillLeased);
        Assert.Equal(50, afterExpiry.Sent);
        AssertEachDeliveredOnce(server, 1000);
        var rows = await RowsAsync();
        Assert.All(rows, row => Assert.Equal(OutboxEmailStatus.Sent, row.Status));
        Assert.Equal(50, rows.Count(row => row.Attempts == 2));
    }

    [Fact]
    public async Task SendDue_InstanceStoppedMidBatchBesideAnother_EveryMessageDeliveredOnce()
    {
        // Arrange: "stopped" is cancelled (as its host shuts down) after handing over 120 messages.
        await using var server = await SmtpServer.StartAsync();
        await QueueAsync(Numbered(1000));
        using var stopping = new CancellationTokenSource();
        var stoppedTransport = new CancelAfter(TestDispatchers.Transport(fixture, server), 120, stopping);
        var stopped = TestDispatchers.Create(fixture, stoppedTransport, "stopped");
        var other = TestDispatchers.Create(fixture, server, "other");

        // Act
        var stoppedRun = Task.Run(() => stopped.SendDueAsync(stopping.Token));
        var otherResult = await Task.Run(() => other.SendDueAsync(CancellationToken.None));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stoppedRun);
        fixture.Clock.Advance(new DispatcherOptions().LeaseDuration);
        var afterExpiry = await other.SendDueAsync(CancellationToken.None);

        // Assert: the stopped instance recorded what it had sent before stopping, so nothing went twice; the rest
        // of its batch waited for its lease to expire.
        Assert.Equal(120, stoppedTransport.Sent);
        Assert.Equal(880, otherResult.Sent + afterExpiry.Sent);
        AssertEachDeliveredOnce(server, 1000);
        Assert.All(await RowsAsync(), row => Assert.Equal(OutboxEmailStatus.Sent, row.Status));
    }

    [Fact]
    public async Task SendDue_RecipientRefusedWith550_FailsAtOnceAndLaterMailToTheAddressIsNotSent()
    {
        // Arrange
        await using var server = await SmtpServer.StartRefusingAsync("gone@example.org");
        await QueueAsync([new EmailMessage("gone@example.org", "First", "Body"), new EmailMessage("here@example.org", "Second", "Body")]);
        var dispatcher = TestDispatchers.Create(fixture, server, "a");

        // Act
        var first = await dispatcher.SendDueAsync(CancellationToken.None);
        await QueueAsync([new EmailMessage(" Gone@Example.org", "Third", "Body")]);
        var second = await dispatcher.SendDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(new DispatchResult(Sent: 1, Retried: 0, Failed: 1, Suppressed: 0), first);
        Assert.Equal(new DispatchResult(Sent: 0, Retried: 0, Failed: 0, Suppressed: 1), second);
        Assert.Equal("here@example.org", Assert.Single(server.Messages()).To.Mailboxes.Single().Address);
        var rows = await RowsAsync();
        var refused = rows.Single(r => r.Subject == "First");
        Assert.Equal(OutboxEmailStatus.Failed, refused.Status);
        Assert.Equal(1, refused.Attempts);
        Assert.Contains("550", refused.LastError, StringComparison.Ordinal);
        var later = rows.Single(r => r.Subject == "Third");
        Assert.Equal(OutboxEmailStatus.Cancelled, later.Status);
        Assert.Equal(OutboxDispatcher.SuppressedError, later.LastError);
        var suppression = await fixture.WithDbContextAsync(db => db.SuppressedAddresses.SingleAsync());
        Assert.Equal(SuppressedAddress.HashOf("gone@example.org"), suppression.AddressHash);
        Assert.Contains("550", suppression.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendDue_ServerDownPastMaxAttempts_BacksOffExponentiallyThenFails()
    {
        // Arrange
        await using var server = await SmtpServer.StartAsync();
        await server.StopAsync();
        await QueueAsync([new EmailMessage("reader@example.org", "Subject", "Body")]);
        var dispatcher = TestDispatchers.Create(fixture, server, "a", o => o.MaxAttempts = 3);

        // Act
        await dispatcher.SendDueAsync(CancellationToken.None);
        var afterFirst = (await RowsAsync()).Single();
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.SendDueAsync(CancellationToken.None);
        var afterSecond = (await RowsAsync()).Single();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var third = await dispatcher.SendDueAsync(CancellationToken.None);
        var afterThird = (await RowsAsync()).Single();

        // Assert
        Assert.Equal(start + TimeSpan.FromMinutes(1), afterFirst.NextAttemptAt);
        Assert.Equal(start + TimeSpan.FromMinutes(1 + 2), afterSecond.NextAttemptAt);
        Assert.Equal(OutboxEmailStatus.Queued, afterSecond.Status);
        Assert.Equal(new DispatchResult(Sent: 0, Retried: 0, Failed: 1, Suppressed: 0), third);
        Assert.Equal(OutboxEmailStatus.Failed, afterThird.Status);
        Assert.Equal(3, afterThird.Attempts);
    }

    private static IEnumerable<EmailMessage> Numbered(int count) =>
        Enumerable.Range(1, count).Select(i => new EmailMessage($"reader{i}@example.org", $"Message {i}", $"Body {i}") { HtmlBody = $"<p>Body {i}</p>" });

    private async Task QueueAsync(IEnumerable<EmailMessage> messages)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        foreach (var message in messages)
        {
            outbox.Enqueue(message);
        }

        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    private Task<List<OutboxEmail>> RowsAsync() =>
        fixture.WithDbContextAsync(db => db.EmailOutbox.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    private static void AssertEachDeliveredOnce(SmtpServer server, int count)
    {
        var messages = server.Messages();
        Assert.Equal(count, messages.Count);
        Assert.Equal(count, messages.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            Enumerable.Range(1, count).Select(i => $"reader{i}@example.org").Order(StringComparer.Ordinal),
            messages.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
    }

    /// <summary>A transport that cancels its dispatcher once it has handed over a number of messages.</summary>
    private sealed class CancelAfter(IEmailTransport inner, int count, CancellationTokenSource stopping) : IEmailTransport
    {
        private int sent;

        public int Sent => Volatile.Read(ref sent);

        public async Task<IEmailTransportSession> OpenAsync(CancellationToken cancellationToken = default) =>
            new Session(await inner.OpenAsync(cancellationToken), this);

        private async Task CountAsync()
        {
            if (Interlocked.Increment(ref sent) == count)
            {
                await stopping.CancelAsync();
            }
        }

        private sealed class Session(IEmailTransportSession inner, CancelAfter owner) : IEmailTransportSession
        {
            public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
            {
                await inner.SendAsync(message, cancellationToken);
                await owner.CountAsync();
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}

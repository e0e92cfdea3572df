using System.Net;
using CjpPortal.Core.Email;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Admin;

/// <summary>/admin/outbox: counts and messages by state, try a failed message again, cancel a queued one after a
/// confirmation; /admin/outbox/suppressions: the hashes, and removing one.</summary>
public sealed class OutboxPagesTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Get_OutboxWithMessagesInEachState_ShowsCountsAndFiltersByState()
    {
        // Arrange
        await AddAsync("queued@example.org", OutboxEmailStatus.Queued);
        await AddAsync("failed@example.org", OutboxEmailStatus.Failed, "550 5.1.1 No such mailbox here");
        await AddAsync("sent@example.org", OutboxEmailStatus.Sent);
        await AddAsync("sent2@example.org", OutboxEmailStatus.Sent);
        using var client = await AdminAsync();

        // Act
        var all = await client.GetDocumentAsync("/admin/outbox");
        var failed = await client.GetDocumentAsync("/admin/outbox?status=Failed");
        var unknown = await client.GetAsync(new Uri("/admin/outbox?status=lost", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("4", all.One("#count-all").TextOf());
        Assert.Equal("2", all.One("#count-Sent").TextOf());
        Assert.Equal("1", all.One("#count-Failed").TextOf());
        Assert.Equal("0", all.One("#count-Cancelled").TextOf());
        Assert.Equal(4, all.Document.QuerySelectorAll("#messages tbody tr").Length);
        var row = Assert.Single(failed.Document.QuerySelectorAll("#messages tbody tr"));
        Assert.Contains("failed@example.org", row.TextOf(), StringComparison.Ordinal);
        Assert.Contains("550 5.1.1 No such mailbox here", row.TextOf(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Post_RetryFailedMessage_QueuesItDueNowAndShowsBanner()
    {
        // Arrange
        var id = await AddAsync("failed@example.org", OutboxEmailStatus.Failed, "Connection refused", attempts: 10);
        using var client = await AdminAsync();
        var page = await client.GetDocumentAsync("/admin/outbox?status=Failed");

        // Act
        var posted = await client.ClickAsync(page, "#messages button");
        var after = await client.GetDocumentAsync(posted.Response.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains($"Message {id} will be sent again.", after.Text, StringComparison.Ordinal);
        var row = await Fixture.WithDbContextAsync(db => db.EmailOutbox.SingleAsync(e => e.Id == id));
        Assert.Equal(OutboxEmailStatus.Queued, row.Status);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(Fixture.Clock.GetUtcNow(), row.NextAttemptAt);
    }

    [Fact]
    public async Task Post_CancelQueuedMessageAfterConfirmation_CancelsItAndShowsBanner()
    {
        // Arrange
        var id = await AddAsync("queued@example.org", OutboxEmailStatus.Queued);
        using var client = await AdminAsync();
        var list = await client.GetDocumentAsync("/admin/outbox");
        var confirm = await client.GetDocumentAsync(list.One("#messages a[href$='/cancel']").GetAttribute("href")!);

        // Act
        var posted = await client.SubmitAsync(confirm, new Dictionary<string, string>());
        var after = await client.GetDocumentAsync(posted.Response.Headers.Location!.OriginalString);

        // Assert
        Assert.Contains("Are you sure you want to cancel this message?", confirm.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains($"Message {id} to queued@example.org has been cancelled", after.Text, StringComparison.Ordinal);
        Assert.Equal(OutboxEmailStatus.Cancelled, await Fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.Id == id).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task Post_CancelMessageSentMeanwhile_Returns409AndChangesNothing()
    {
        // Arrange: the page opened while the message was queued; the dispatcher sent it before the click
        var id = await AddAsync("queued@example.org", OutboxEmailStatus.Queued);
        using var client = await AdminAsync();
        var confirm = await client.GetDocumentAsync($"/admin/outbox/{id}/cancel");
        await Fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, OutboxEmailStatus.Sent)));

        // Act
        var posted = await client.SubmitAsync(confirm, new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains("can no longer be cancelled", posted.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Equal(OutboxEmailStatus.Sent, await Fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.Id == id).Select(e => e.Status).SingleAsync()));
        Assert.False(await Fixture.WithDbContextAsync(db => db.AuditEntries.AnyAsync()));
    }

    [Fact]
    public async Task Post_RetryFailedMessage_RecordsWhoAndWhenShownInItsRow()
    {
        // Arrange
        var id = await AddAsync("failed@example.org", OutboxEmailStatus.Failed, "Connection refused");
        var admin = await Fixture.CreateEnrolledAccountAsync(Roles.Administrator);
        using var client = Fixture.CreateClientAs(admin.Id);
        var page = await client.GetDocumentAsync("/admin/outbox?status=Failed");

        // Act
        await client.ClickAsync(page, "#messages button");
        var after = await client.GetDocumentAsync("/admin/outbox");

        // Assert
        var entry = await Fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync(a => a.Entity == OutboxAdministration.AuditEntity));
        Assert.Equal((int)id, entry.EntityId);
        Assert.Equal(admin.Id, entry.UserId);
        Assert.Equal(nameof(OutboxEmailStatus.Failed), entry.OldValue);
        Assert.Equal(nameof(OutboxEmailStatus.Queued), entry.NewValue);
        Assert.Equal(Fixture.Clock.GetUtcNow(), entry.OccurredAt);
        Assert.Contains($"Tried again by {admin.Email}", after.One("#messages tbody tr .outbox-history").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CancelQueuedMessage_RecordsWhoAndWhenShownInItsRow()
    {
        // Arrange
        var id = await AddAsync("queued@example.org", OutboxEmailStatus.Queued);
        var admin = await Fixture.CreateEnrolledAccountAsync(Roles.Administrator);
        using var client = Fixture.CreateClientAs(admin.Id);
        var confirm = await client.GetDocumentAsync($"/admin/outbox/{id}/cancel");

        // Act
        await client.SubmitAsync(confirm, new Dictionary<string, string>());
        var after = await client.GetDocumentAsync("/admin/outbox?status=Cancelled");

        // Assert
        var entry = await Fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync(a => a.Entity == OutboxAdministration.AuditEntity));
        Assert.Equal((int)id, entry.EntityId);
        Assert.Equal(admin.Id, entry.UserId);
        Assert.Equal(nameof(OutboxEmailStatus.Queued), entry.OldValue);
        Assert.Equal(nameof(OutboxEmailStatus.Cancelled), entry.NewValue);
        Assert.Contains($"Cancelled by {admin.Email}", after.One("#messages tbody tr .outbox-history").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RetryMessageNoLongerFailed_Returns409AndChangesNothing()
    {
        // Arrange: the page opened while the message had failed; someone else retried it and it was sent before the click
        var id = await AddAsync("failed@example.org", OutboxEmailStatus.Failed, "Connection refused", attempts: 10);
        using var client = await AdminAsync();
        var page = await client.GetDocumentAsync("/admin/outbox?status=Failed");
        await Fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, OutboxEmailStatus.Sent)));

        // Act
        var posted = await client.ClickAsync(page, "#messages button");

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains($"Message {id} was not tried again", posted.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        var row = await Fixture.WithDbContextAsync(db => db.EmailOutbox.SingleAsync(e => e.Id == id));
        Assert.Equal(OutboxEmailStatus.Sent, row.Status);
        Assert.Equal(10, row.Attempts);
        Assert.False(await Fixture.WithDbContextAsync(db => db.AuditEntries.AnyAsync()));
    }

    [Fact]
    public async Task Post_RemoveSuppressionAfterConfirmation_ListShowsHashesAndNoLongerThatOne()
    {
        // Arrange
        var hash = SuppressedAddress.HashOf("gone@example.org");
        var id = await Fixture.WithDbContextAsync(async db =>
        {
            var row = new SuppressedAddress { AddressHash = hash, Reason = "Refused by the mail server: 550", CreatedAt = Fixture.Clock.GetUtcNow() };
            db.SuppressedAddresses.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        using var client = await AdminAsync();
        var list = await client.GetDocumentAsync("/admin/outbox/suppressions");
        var confirm = await client.GetDocumentAsync(list.One("#suppressions a").GetAttribute("href")!);

        // Act
        var posted = await client.SubmitAsync(confirm, new Dictionary<string, string>());
        var after = await client.GetDocumentAsync("/admin/outbox/suppressions");

        // Assert
        Assert.Contains(hash, list.One("#suppressions tbody").TextOf(), StringComparison.Ordinal);
        Assert.DoesNotContain("gone@example.org", list.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("has been removed from the suppression list", after.Text, StringComparison.Ordinal);
        Assert.Empty(after.Document.QuerySelectorAll("#suppressions tbody tr"));
        Assert.False(await Fixture.WithDbContextAsync(db => db.SuppressedAddresses.AnyAsync(s => s.Id == id)));
    }

    private async Task<HttpClient> AdminAsync()
    {
        var admin = await Fixture.CreateEnrolledAccountAsync(Roles.Administrator);
        return Fixture.CreateClientAs(admin.Id);
    }

    private Task<long> AddAsync(string to, OutboxEmailStatus status, string? lastError = null, int attempts = 1) =>
        Fixture.WithDbContextAsync(async db =>
        {
            var now = Fixture.Clock.GetUtcNow();
            var row = new OutboxEmail
            {
                To = to,
                Subject = $"Subject for {to}",
                TextBody = "Body",
                CreatedAt = now,
                NextAttemptAt = now,
                Status = status,
                Attempts = attempts,
                LastError = lastError,
                SentAt = status == OutboxEmailStatus.Sent ? now : null,
            };
            db.EmailOutbox.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
}

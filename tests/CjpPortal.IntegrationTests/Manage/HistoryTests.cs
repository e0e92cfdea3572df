using System.Net;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>/manage/partnerships/{slug}/history: this partnership's changes only, newest first, 50 a page.</summary>
[Collection(PortalCollection.Name)]
public sealed class HistoryTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/manage/partnerships/{Partnership}/history";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.ResetDataAsync();

    [Fact]
    public async Task Get_AfterAnEdit_ShowsWhoChangedWhatFromWhatToWhat()
    {
        // Arrange
        using var coordinator = await CoordinatorAsync(fixture);
        var form = await coordinator.GetDocumentAsync($"/manage/partnerships/{Partnership}/details");
        await coordinator.SubmitAsync(form, EditForms.Filled(form, ("GovernanceNotes", "The board meets quarterly.")));
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);

        // Act
        var page = await staff.GetDocumentAsync(Url);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var row = Assert.Single(page.Document.QuerySelectorAll("#history tbody tr"));
        var text = row.TextOf();
        Assert.Contains("Governance notes", text, StringComparison.Ordinal);
        Assert.Contains("The board meets quarterly.", text, StringComparison.Ordinal);
        Assert.Contains("@example.org", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ManyEntries_ShowsNewestFiftyThenOlderOnPageTwo()
    {
        // Arrange: 60 entries for this partnership and one for another
        await fixture.WithDbContextAsync(async db =>
        {
            var ids = await db.Partnerships.Where(p => p.Slug == Partnership || p.Slug == OtherPartnership).ToDictionaryAsync(p => p.Slug, p => p.Id);
            var start = fixture.Clock.GetUtcNow();
            db.AuditEntries.AddRange(Enumerable.Range(1, 60).Select(i => Entry(ids[Partnership], start.AddMinutes(i), $"value {i}")));
            db.AuditEntries.Add(Entry(ids[OtherPartnership], start, "another partnership"));
            await db.SaveChangesAsync();
        });
        using var client = await CoordinatorAsync(fixture);

        // Act
        var first = await client.GetDocumentAsync(Url);
        var second = await client.GetDocumentAsync(Url + "?page=2");

        // Assert
        var firstRows = first.Document.QuerySelectorAll("#history tbody tr");
        var secondRows = second.Document.QuerySelectorAll("#history tbody tr");
        Assert.Equal(50, firstRows.Length);
        Assert.Contains("value 60", firstRows[0].TextOf(), StringComparison.Ordinal);
        Assert.Equal(10, secondRows.Length);
        Assert.Contains("value 1", secondRows[^1].TextOf(), StringComparison.Ordinal);
        Assert.DoesNotContain("another partnership", first.Text + second.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET new_value = 'rewritten'")]
    [InlineData("DELETE FROM audit_entries")]
    public async Task Change_HistoryRowInDatabase_IsRefused(string sql)
    {
        // Arrange
        await fixture.WithDbContextAsync(async db =>
        {
            var id = await db.Partnerships.Where(p => p.Slug == Partnership).Select(p => p.Id).SingleAsync();
            db.AuditEntries.Add(Entry(id, fixture.Clock.GetUtcNow(), "original"));
            await db.SaveChangesAsync();
        });

        // Act
        var error = await Record.ExceptionAsync(() => fixture.WithDbContextAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        // Assert
        Assert.Contains("append-only", error?.Message, StringComparison.Ordinal);
        Assert.Equal("original", await fixture.WithDbContextAsync(db => db.AuditEntries.Select(a => a.NewValue).SingleAsync()));
    }

    private static AuditEntry Entry(int partnershipId, DateTimeOffset at, string value) => new()
    {
        OccurredAt = at,
        UserId = Guid.NewGuid(),
        UserEmail = "someone@example.org",
        PartnershipId = partnershipId,
        Entity = "Partnership",
        EntityId = partnershipId,
        Field = "Website",
        NewValue = value,
    };
}

using System.Net;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Refresh;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Refresh;

/// <summary>/national/refresh: the year's progress per partnership, and "send a reminder now".</summary>
public sealed class NationalRefreshTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture), IAsyncLifetime
{
    private const string Url = "/national/refresh";
    private static readonly DateOnly Opens = new(2027, 4, 1);

    async Task IAsyncLifetime.DisposeAsync()
    {
        Fixture.Clock.SetUtcNow(new FixedTimeProvider().GetUtcNow());
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Get_AfterInvitationAndReminder_ShowsCountsAndEachPartnershipsProgress()
    {
        // Arrange
        await Fixture.CreateActiveCoordinatorAsync("falkirk");
        await Fixture.ConfirmAllEntriesExceptAsync(new DateOnly(2027, 3, 1), "falkirk", "orkney");
        await Fixture.RunSchedulerOnAsync(Opens);
        await Fixture.RunSchedulerOnAsync(Opens.AddDays(21));
        await Fixture.ConfirmEntryAsync("orkney", Opens.AddDays(22));
        var staff = await Fixture.CreateActiveCjsStaffAsync();
        var partnerships = await Fixture.WithDbContextAsync(db => db.Partnerships.CountAsync());
        using var client = Fixture.CreateClientAs(staff.Id);

        // Act
        var page = await client.GetDocumentAsync(Url);

        // Assert: only Falkirk had someone to write to on the opening day (no CJS staff account yet).
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var counts = page.One("#counts").TextOf();
        Assert.Contains($"1 of {partnerships} confirmed", counts, StringComparison.Ordinal);
        Assert.Contains("1 invited", counts, StringComparison.Ordinal);
        Assert.Contains("1 reminded", counts, StringComparison.Ordinal);
        var falkirk = page.One("#progress tr[data-slug='falkirk']");
        Assert.Equal("Not yet", falkirk.QuerySelector(".refresh-confirmed")!.TextOf());
        Assert.Equal("1 April 2027", falkirk.QuerySelector(".refresh-invited")!.TextOf());
        Assert.Equal("Reminder 1, 22 April 2027", falkirk.QuerySelector(".refresh-reminded")!.TextOf());
        var orkney = page.One("#progress tr[data-slug='orkney']");
        Assert.StartsWith("Yes, 23 April 2027", orkney.QuerySelector(".refresh-confirmed")!.TextOf(), StringComparison.Ordinal);
        Assert.Equal("No", page.One("#progress tr[data-slug='stirling'] .refresh-invited").TextOf());
    }

    [Fact]
    public async Task Get_RemindWithNoneChosen_Returns400WithTheMessageAndQueuesNothing()
    {
        // Arrange
        var staff = await Fixture.CreateActiveCjsStaffAsync();
        using var client = Fixture.CreateClientAs(staff.Id);

        // Act: the progress table's form, submitted with no box ticked
        var result = await client.GetDocumentAsync(Url + "?Remind=true");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        HtmlAssertions.AssertErrorSummaryContains(result.Document, Web.Pages.National.Refresh.IndexModel.NoneChosenMessage);
        HtmlAssertions.AssertFieldError(result.Document, "PartnershipIds", Web.Pages.National.Refresh.IndexModel.NoneChosenMessage);
        Assert.Empty(await Fixture.QueuedEmailsAsync());
    }

    [Fact]
    public async Task Post_ChooseThenSendTwice_ListsTheChosenQueuesOneReminderPerConfirmationAndRecordsWhoPressed()
    {
        // Arrange
        Fixture.Clock.SetUtcNow(new DateTimeOffset(Opens.AddDays(10), new TimeOnly(12, 0), TimeSpan.Zero));
        var coordinator = await Fixture.CreateActiveCoordinatorAsync("falkirk");
        var staff = await Fixture.CreateActiveCjsStaffAsync();
        var falkirkId = await Fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == "falkirk").Select(p => p.Id).SingleAsync());
        var name = await Fixture.PartnershipNameAsync("falkirk");
        using var client = Fixture.CreateClientAs(staff.Id);
        var page = await client.GetDocumentAsync(Url);
        Assert.Equal("GET", page.One("#remind-form").GetAttribute("method")?.ToUpperInvariant());

        // Act: the progress table's form with Falkirk's box ticked, then the confirmation page's button
        var review = await client.GetDocumentAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Url}?Remind=true&PartnershipIds={falkirkId}"));
        var queuedBeforeSend = await Fixture.QueuedEmailsAsync();
        var sent = await client.SubmitAsync(review, new Dictionary<string, string>(), "#send-form");
        var after = await client.GetDocumentAsync(sent.Response.Headers.Location!.OriginalString);
        // The same confirmation again (a double click, a retried post) sends nothing; a new confirmation is a new press.
        await client.SubmitAsync(review, new Dictionary<string, string>(), "#send-form");
        var queuedAfterRepeat = await Fixture.QueuedEmailsAsync();
        var again = await client.GetDocumentAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Url}?Remind=true&PartnershipIds={falkirkId}"));
        await client.SubmitAsync(again, new Dictionary<string, string>(), "#send-form");

        // Assert
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal([name], review.Document.QuerySelectorAll("#chosen li").Select(li => li.TextOf()));
        Assert.Empty(queuedBeforeSend);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("1 partnership", after.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Contains("Sent by hand, 11 April 2027", after.One("#progress tr[data-slug='falkirk'] .refresh-reminded").TextOf(), StringComparison.Ordinal);
        var reminder = new QueuedEmail(coordinator.Email, RefreshReviewEmail.SubjectFor(name, 2027, reminder: true));
        Assert.Equal([reminder], queuedAfterRepeat);
        Assert.Equal([reminder, reminder], await Fixture.QueuedEmailsAsync());
        var history = await Fixture.WithDbContextAsync(db => db.AuditEntries.Where(e => e.Field == RefreshReminders.ReminderField).Select(e => new { e.UserEmail, e.PartnershipId }).ToListAsync());
        Assert.Equal(2, history.Count);
        Assert.All(history, h => Assert.Equal((staff.Email, (int?)falkirkId), (h.UserEmail, h.PartnershipId)));
    }
}

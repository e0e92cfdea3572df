using System.Net;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Refresh;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.National;

/// <summary>"Send a reminder now" from /national/dashboard: the rows' boxes (and "all shown") post to
/// /national/dashboard/remind, which lists who each reminder goes to, then sends them as /national/refresh does.</summary>
public sealed class DashboardRemindTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Dashboard = "/national/dashboard";

    [Fact]
    public async Task Get_Dashboard_EachRowHasABoxInTheSeparatePostForm()
    {
        // Arrange
        using var client = Fixture.CreateClientAs((await Fixture.CreateActiveCjsStaffAsync()).Id);

        // Act
        var page = await client.GetDocumentAsync(Dashboard);

        // Assert
        var form = page.One("#remind-form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/national/dashboard/remind", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));
        var box = page.One("#row-falkirk input[name='Slugs']");
        Assert.Equal(("remind-form", "falkirk"), (box.GetAttribute("form"), box.GetAttribute("value")));
        Assert.Equal(30, form.QuerySelectorAll("input[name='Shown']").Length);
    }

    [Fact]
    public async Task Post_TickedRows_ConfirmationListsWhoEachReminderGoesToAndQueuesNothing()
    {
        // Arrange: Falkirk has an active coordinator, Orkney none (its reminder goes to CJS staff)
        var coordinator = await Fixture.CreateActiveCoordinatorAsync("falkirk");
        var staff = await Fixture.CreateActiveCjsStaffAsync();
        using var client = Fixture.CreateClientAs(staff.Id);
        var dashboard = await client.GetDocumentAsync(Dashboard);

        // Act
        var confirm = await PostRemindFormAsync(client, dashboard, ["falkirk", "orkney"]);

        // Assert
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains($"Coordinators: {coordinator.Email}", confirm.One("#chosen tr[data-slug='falkirk']").TextOf(), StringComparison.Ordinal);
        var orkney = confirm.One("#chosen tr[data-slug='orkney']").TextOf();
        Assert.Contains("Community Justice Scotland staff (no active coordinator)", orkney, StringComparison.Ordinal);
        Assert.Contains(staff.Email, orkney, StringComparison.Ordinal);
        Assert.Equal(2, confirm.Document.QuerySelectorAll("#chosen tbody tr").Length);
        Assert.Empty(await Fixture.QueuedEmailsAsync());
    }

    [Fact]
    public async Task Post_SendAfterConfirmation_QueuesTheRefreshRemindersWithSignedLinksAndShowsTheBanner()
    {
        // Arrange
        var coordinator = await Fixture.CreateActiveCoordinatorAsync("falkirk");
        var staff = await Fixture.CreateActiveCjsStaffAsync();
        var falkirk = await Fixture.PartnershipNameAsync("falkirk");
        var orkney = await Fixture.PartnershipNameAsync("orkney");
        using var client = Fixture.CreateClientAs(staff.Id);
        var confirm = await PostRemindFormAsync(client, await client.GetDocumentAsync(Dashboard), ["falkirk", "orkney"]);

        // Act
        var sent = await client.SubmitAsync(confirm, new Dictionary<string, string>(), "#send-form");
        var after = await client.GetDocumentAsync(sent.Response.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(Dashboard, sent.Response.Headers.Location!.OriginalString);
        Assert.Contains("Reminders were queued for 2 partnerships", after.One("#banner").TextOf(), StringComparison.Ordinal);
        var queued = await Fixture.QueuedEmailsAsync();
        Assert.Contains(new QueuedEmail(coordinator.Email, RefreshReviewEmail.SubjectFor(falkirk, 2026, reminder: true)), queued);
        Assert.Contains(new QueuedEmail(staff.Email, RefreshReviewEmail.SubjectFor(orkney, 2026, reminder: true)), queued);
        Assert.Equal(2, queued.Count);
        var body = await Fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.To == coordinator.Email).Select(e => e.TextBody).SingleAsync());
        Assert.Contains("/manage/partnerships/falkirk/review?token=", body, StringComparison.Ordinal);
        Assert.Equal(2, await Fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync(e => e.Field == RefreshReminders.ReminderField && e.UserEmail == staff.Email)));
    }

    [Fact]
    public async Task Post_SameConfirmationTwice_QueuesTheRemindersOnce()
    {
        // Arrange
        var coordinator = await Fixture.CreateActiveCoordinatorAsync("falkirk");
        var staff = await Fixture.CreateActiveCjsStaffAsync();
        var falkirk = await Fixture.PartnershipNameAsync("falkirk");
        using var client = Fixture.CreateClientAs(staff.Id);
        var confirm = await PostRemindFormAsync(client, await client.GetDocumentAsync(Dashboard), ["falkirk"]);

        // Act: a double click (or a retried request) posts the same confirmation step twice
        var first = await client.SubmitAsync(confirm, new Dictionary<string, string>(), "#send-form");
        var second = await client.SubmitAsync(confirm, new Dictionary<string, string>(), "#send-form");
        var banner = await client.GetDocumentAsync(second.Response.Headers.Location!.OriginalString);
        var again = await PostRemindFormAsync(client, await client.GetDocumentAsync(Dashboard), ["falkirk"]);
        var third = await client.SubmitAsync(again, new Dictionary<string, string>(), "#send-form");

        // Assert: once for the step posted twice; a new confirmation step is a new press
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode, third.StatusCode));
        Assert.Contains("Reminders were queued for 0 partnerships", banner.One("#banner").TextOf(), StringComparison.Ordinal);
        var subject = RefreshReviewEmail.SubjectFor(falkirk, 2026, reminder: true);
        Assert.Equal([new QueuedEmail(coordinator.Email, subject), new QueuedEmail(coordinator.Email, subject)], await Fixture.QueuedEmailsAsync());
        Assert.Equal(2, await Fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync(e => e.Field == RefreshReminders.ReminderField)));
    }

    [Fact]
    public async Task Post_SendWhereTheFirstChosenHasNoOneToWriteTo_BannerNamesThePartnershipReminded()
    {
        // Arrange: Angus (first by name) has no active coordinator and no active staff stand in; Falkirk has one
        var coordinator = await Fixture.CreateActiveCoordinatorAsync("falkirk");
        var staff = await Fixture.CreateUserAsync(CjpPortal.Core.Identity.Roles.CjsStaff);
        var falkirk = await Fixture.PartnershipNameAsync("falkirk");
        using var client = Fixture.CreateClientAs(staff.Id);
        var confirm = await PostRemindFormAsync(client, await client.GetDocumentAsync(Dashboard), ["angus", "falkirk"]);

        // Act
        var sent = await client.SubmitAsync(confirm, new Dictionary<string, string>(), "#send-form");
        var after = await client.GetDocumentAsync(sent.Response.Headers.Location!.OriginalString);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains($"A reminder was queued for 1 partnership: {falkirk}.", after.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Equal([new QueuedEmail(coordinator.Email, RefreshReviewEmail.SubjectFor(falkirk, 2026, reminder: true))], await Fixture.QueuedEmailsAsync());
    }

    [Fact]
    public async Task Post_AllShown_ChoosesEveryRowTheFilterShowed()
    {
        // Arrange: only Falkirk has been confirmed, so the "stale entry" filter shows the other 29
        await Fixture.ConfirmEntryAsync("falkirk", FixedTimeProvider.TestToday);
        using var client = Fixture.CreateClientAs((await Fixture.CreateActiveCjsStaffAsync()).Id);
        var dashboard = await client.GetDocumentAsync($"{Dashboard}?problem=stale-entry");
        var shown = dashboard.Document.QuerySelectorAll("#dashboard-table tbody tr").Length;

        // Act
        var confirm = await client.ClickAsync(dashboard, "#remind-form button[name='AllShown']");

        // Assert
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(29, shown);
        Assert.Equal(29, confirm.Document.QuerySelectorAll("#chosen tbody tr").Length);
        Assert.Null(confirm.Document.QuerySelector("#chosen tr[data-slug='falkirk']"));
    }

    [Fact]
    public async Task Post_NoneTicked_Returns400WithTheMessageByTheListAndQueuesNothing()
    {
        // Arrange
        await Fixture.CreateActiveCoordinatorAsync("falkirk");
        using var client = Fixture.CreateClientAs((await Fixture.CreateActiveCjsStaffAsync()).Id);
        var dashboard = await client.GetDocumentAsync(Dashboard);

        // Act
        var refused = await PostRemindFormAsync(client, dashboard, []);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(RemindModelMessage, refused.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Contains(RemindModelMessage, refused.One("#Slugs-error").TextOf(), StringComparison.Ordinal);
        Assert.Empty(await Fixture.QueuedEmailsAsync());
    }

    [Fact]
    public async Task Post_SendWithAnUnknownSlug_Returns400AndQueuesNothing()
    {
        // Arrange
        await Fixture.CreateActiveCoordinatorAsync("falkirk");
        using var client = Fixture.CreateClientAs((await Fixture.CreateActiveCjsStaffAsync()).Id);
        var confirm = await PostRemindFormAsync(client, await client.GetDocumentAsync(Dashboard), ["falkirk"]);

        // Act
        var refused = await client.PostFormAsync("/national/dashboard/remind?handler=Send",
        [
            KeyValuePair.Create("__RequestVerificationToken", confirm.One("#send-form input[name='__RequestVerificationToken']").GetAttribute("value")!),
            KeyValuePair.Create("Press", confirm.One("#send-form input[name='Press']").GetAttribute("value")!),
            KeyValuePair.Create("Slugs", "falkirk"),
            KeyValuePair.Create("Slugs", "no-such-partnership"),
        ]);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(RemindModelMessage, refused.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Empty(await Fixture.QueuedEmailsAsync());
        Assert.False(await Fixture.WithDbContextAsync(db => db.AuditEntries.AnyAsync()));
    }

    private const string RemindModelMessage = CjpPortal.Web.Pages.National.Dashboard.RemindModel.NoneChosenMessage;

    /// <summary>Submits the dashboard's reminder form as a browser would: its hidden fields, and the rows' boxes
    /// (outside the form, joined to it by their form attribute) for <paramref name="ticked"/>.</summary>
    private static Task<HtmlPage> PostRemindFormAsync(HttpClient client, HtmlPage dashboard, string[] ticked)
    {
        var form = dashboard.One("#remind-form");
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(input => KeyValuePair.Create(input.GetAttribute("name")!, input.GetAttribute("value") ?? string.Empty))
            .Concat(ticked.Select(slug => KeyValuePair.Create("Slugs", dashboard.One($"#row-{slug} input[form='remind-form']").GetAttribute("value")!)))
            .ToList();
        return client.PostFormAsync(form.GetAttribute("action")!, fields);
    }
}

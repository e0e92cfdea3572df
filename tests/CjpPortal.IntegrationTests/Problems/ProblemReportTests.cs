using System.Net;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Problems;
using CjpPortal.TestCommon;
using CjpPortal.Web.Pages.ReportAProblem;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Problems;

/// <summary>/report-a-problem and /manage/problems: a member of the public reports a problem with a partnership's page,
/// it reaches that partnership's queue (and no other), its coordinators and the reporter are e-mailed, and a
/// coordinator resolves it with a note the reporter is sent.</summary>
[Collection(PortalCollection.Name)]
public sealed class ProblemReportTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string FormUrl = $"/report-a-problem?partnership={Partnership}";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_PartnershipPage_LinksToTheReportFormForThatPartnership()
    {
        // Arrange
        using var reader = fixture.CreateAccountsClient();

        // Act
        var page = await reader.GetDocumentAsync($"/partnerships/{Partnership}");
        var form = await reader.GetDocumentAsync(page.One("#report-a-problem").GetAttribute("href")!);

        // Assert
        Assert.Equal(FormUrl, page.One("#report-a-problem").GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Falkirk", form.One("h1").ParentElement!.TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Report_ReachesItsPartnershipsQueueAndNotTheOthers()
    {
        // Arrange
        var own = await fixture.CreateUserAsync(Roles.Coordinator, Partnership);
        var other = await fixture.CreateUserAsync(Roles.Coordinator, OtherPartnership);
        using var reporter = fixture.CreateAccountsClient();
        var form = await reporter.GetDocumentAsync(FormUrl);

        // Act
        var sent = await reporter.SubmitAsync(form, Report("The forum contact left in March.", "reporter@example.org"));
        using var ownClient = fixture.CreateClientAs(own.Id);
        using var otherClient = fixture.CreateClientAs(other.Id);
        using var staffClient = await SignInAsync(fixture, Roles.CjsStaff);
        var ownQueue = await ownClient.GetDocumentAsync("/manage/problems");
        var otherQueue = await otherClient.GetDocumentAsync("/manage/problems");
        var staffQueue = await staffClient.GetDocumentAsync("/manage/problems");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/report-a-problem/sent?partnership={Partnership}", sent.Response.Headers.Location?.OriginalString);
        var report = await fixture.WithDbContextAsync(db => db.ProblemReports.Include(r => r.Partnership).SingleAsync());
        Assert.Equal((Partnership, ProblemKind.ContactDetailsWrong, "The forum contact left in March.", "reporter@example.org"),
            (report.Partnership!.Slug, report.Kind, report.Note, report.ReplyEmail));
        Assert.Single(ownQueue.Document.QuerySelectorAll($"#problem-{report.Id}"));
        Assert.Empty(otherQueue.Document.QuerySelectorAll("#problems tbody tr"));
        Assert.NotNull(otherQueue.Document.QuerySelector("#no-problems"));
        Assert.Single(staffQueue.Document.QuerySelectorAll($"#problem-{report.Id}"));
    }

    [Fact]
    public async Task Post_Report_NotifiesTheCoordinatorsAndAcknowledgesTheReporter()
    {
        // Arrange
        var own = await fixture.CreateActiveCoordinatorAsync(Partnership);
        var other = await fixture.CreateActiveCoordinatorAsync(OtherPartnership);
        using var reporter = fixture.CreateAccountsClient();
        var form = await reporter.GetDocumentAsync(FormUrl);

        // Act
        await reporter.SubmitAsync(form, Report("The forum contact left in March.", "Reporter@Example.org"));

        // Assert
        var mail = await fixture.WithDbContextAsync(db => db.EmailOutbox.OrderBy(e => e.Id).Select(e => new { e.To, e.Subject, e.TextBody }).ToListAsync());
        var id = await fixture.WithDbContextAsync(db => db.ProblemReports.Select(r => r.Id).SingleAsync());
        Assert.Equal([own.Email, "reporter@example.org"], mail.Select(m => m.To));
        Assert.Contains("The forum contact left in March.", mail[0].TextBody, StringComparison.Ordinal);
        Assert.Contains($"/manage/problems/{id}", mail[0].TextBody, StringComparison.Ordinal);
        Assert.Equal(ProblemAcknowledgementEmail.Subject, mail[1].Subject);
        Assert.DoesNotContain(mail, m => m.To == other.Email);
    }

    [Fact]
    public async Task Post_ReportForAPartnershipWithNoCoordinator_NotifiesCjsStaffAndNoAcknowledgementWithoutAnAddress()
    {
        // Arrange
        var staff = await fixture.CreateActiveCjsStaffAsync();
        using var reporter = fixture.CreateAccountsClient();
        var form = await reporter.GetDocumentAsync(FormUrl);

        // Act
        await reporter.SubmitAsync(form, Report("Nobody answers the forum e-mail.", null, ProblemKind.NoResponse));

        // Assert
        var to = await fixture.WithDbContextAsync(db => db.EmailOutbox.Select(e => e.To).ToListAsync());
        Assert.Equal([staff.Email], to);
    }

    [Fact]
    public async Task Post_ReportForAPartnershipWhoseOnlyCoordinatorsAreNotActive_NotifiesActiveCjsStaffOnly()
    {
        // Arrange: one coordinator invited who never set a password, one locked out; one member of staff not set up.
        var staff = await fixture.CreateActiveCjsStaffAsync();
        var idleStaff = await fixture.CreateUserAsync(Roles.CjsStaff);
        var invited = await fixture.CreateUserAsync(Roles.Coordinator, Partnership);
        var locked = await fixture.CreateActiveCoordinatorAsync(Partnership);
        await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Id == locked.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, fixture.Clock.GetUtcNow().AddYears(1))));
        using var reporter = fixture.CreateAccountsClient();
        var form = await reporter.GetDocumentAsync(FormUrl);

        // Act
        await reporter.SubmitAsync(form, Report("The forum contact left in March.", null));

        // Assert
        var to = await fixture.WithDbContextAsync(db => db.EmailOutbox.Select(e => e.To).ToListAsync());
        Assert.Equal([staff.Email], to);
        Assert.DoesNotContain(invited.Email, to);
        Assert.DoesNotContain(idleStaff.Email, to);
    }

    public static TheoryData<string?, string?, string?, string, string> BadInput() => new()
    {
        { null, "A note", null, "Kind", "Choose what is wrong" },
        { "9", "A note", null, "Kind", "Choose what is wrong" },
        { "1", "", null, "Note", "Tell us what is wrong" },
        { "1", new string('x', ProblemReport.NoteMaxLength + 1), null, "Note", $"Your note must be {ProblemReport.NoteMaxLength} characters or fewer" },
        { "1", "A note", "not-an-address", "ReplyEmail", CjpPortal.Core.Rules.EmailAddress.FormatMessage },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Post_BadInput_ShowsTheErrorWith400AndSavesNothing(string? kind, string? note, string? email, string field, string message)
    {
        // Arrange
        using var reporter = fixture.CreateAccountsClient();
        var form = await reporter.GetDocumentAsync(FormUrl);
        var values = new Dictionary<string, string> { ["Note"] = note ?? string.Empty, ["ReplyEmail"] = email ?? string.Empty };
        if (kind is not null)
        {
            values["Kind"] = kind;
        }

        // Act
        var page = await reporter.SubmitAsync(form, values);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertErrorSummaryContains(page.Document, message);
        HtmlAssertions.AssertFieldError(page.Document, field, message);
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.ProblemReports.CountAsync()));
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.EmailOutbox.CountAsync()));
    }

    [Fact]
    public async Task Post_HoneypotFilledIn_ThanksButSavesNothing()
    {
        // Arrange
        await fixture.CreateUserAsync(Roles.Coordinator, Partnership);
        using var robot = fixture.CreateAccountsClient();
        var form = await robot.GetDocumentAsync(FormUrl);
        var values = Report("Buy cheap watches", "robot@example.org");
        values["Website"] = "https://spam.example.com";

        // Act
        var sent = await robot.SubmitAsync(form, values);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.ProblemReports.CountAsync()));
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.EmailOutbox.CountAsync()));
    }

    [Fact]
    public async Task Post_MoreReportsThanTheLimitInAnHour_RefusesTheNextWith429()
    {
        // Arrange
        using var reporter = fixture.CreateAccountsClient();
        for (var i = 0; i < ProblemReportService.ReportsPerWindow; i++)
        {
            var sent = await reporter.SubmitAsync(await reporter.GetDocumentAsync(FormUrl), Report($"Report {i}", null));
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var form = await reporter.GetDocumentAsync(FormUrl);

        // Act
        var refused = await reporter.SubmitAsync(form, Report("One too many", null));
        // An hour on: the earlier reports moved back rather than the shared clock forward.
        await fixture.WithDbContextAsync(db => db.ProblemReports.ExecuteUpdateAsync(s => s.SetProperty(r => r.ReportedAt, r => r.ReportedAt - ProblemReportService.RateLimitWindow)));
        var later = await reporter.SubmitAsync(await reporter.GetDocumentAsync(FormUrl), Report("An hour later", null));

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        HtmlAssertions.AssertErrorSummaryContains(refused.Document, IndexModel.RateLimitedMessage);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Equal(ProblemReportService.ReportsPerWindow + 1, await fixture.WithDbContextAsync(db => db.ProblemReports.CountAsync()));
    }

    [Fact]
    public async Task Get_UnknownPartnership_Returns404()
    {
        // Act
        var response = await fixture.CreateAccountsClient().GetAsync(new Uri("/report-a-problem?partnership=atlantis", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_Resolve_RecordsHistoryAndEmailsTheOutcomeToTheReporter()
    {
        // Arrange
        var report = await fixture.CreateProblemReportAsync(Partnership, "reporter@example.org");
        using var client = await CoordinatorAsync(fixture);
        var page = await client.GetDocumentAsync($"/manage/problems/{report.Id}");

        // Act
        var saved = await client.SubmitAsync(page, new Dictionary<string, string> { ["ResolutionNote"] = "The contact has been updated." });
        var queue = await client.GetDocumentAsync("/manage/problems?status=resolved");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("marked as resolved", queue.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Single(queue.Document.QuerySelectorAll($"#problem-{report.Id}"));
        var stored = await fixture.WithDbContextAsync(db => db.ProblemReports.SingleAsync());
        Assert.Equal(("The contact has been updated.", fixture.Clock.GetUtcNow()), (stored.ResolutionNote, stored.ResolvedAt));
        var outcome = await fixture.WithDbContextAsync(db => db.EmailOutbox.SingleAsync());
        Assert.Equal(("reporter@example.org", ProblemOutcomeEmail.Subject), (outcome.To, outcome.Subject));
        Assert.Contains("The contact has been updated.", outcome.TextBody, StringComparison.Ordinal);
        var history = await fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("ProblemReport", report.Id, "ResolutionNote", "The contact has been updated.", report.PartnershipId),
            (history.Entity, history.EntityId, history.Field, history.NewValue, history.PartnershipId));
    }

    [Fact]
    public async Task Post_ResolveWithoutANote_ShowsTheErrorWith400AndLeavesItOpen()
    {
        // Arrange
        var report = await fixture.CreateProblemReportAsync(Partnership, "reporter@example.org");
        using var client = await CoordinatorAsync(fixture);
        var page = await client.GetDocumentAsync($"/manage/problems/{report.Id}");

        // Act
        var refused = await client.SubmitAsync(page, new Dictionary<string, string> { ["ResolutionNote"] = "  " });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        HtmlAssertions.AssertFieldError(refused.Document, "ResolutionNote", "Enter a note saying what was done");
        Assert.Null(await fixture.WithDbContextAsync(db => db.ProblemReports.Select(r => r.ResolvedAt).SingleAsync()));
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.EmailOutbox.CountAsync()));
    }

    [Fact]
    public async Task Get_Queue_ListsOpenReportsFirstOldestFirstWithTheirAge()
    {
        // Arrange
        var recent = await fixture.CreateProblemReportAsync(Partnership, age: TimeSpan.FromHours(3));
        var old = await fixture.CreateProblemReportAsync(OtherPartnership, age: TimeSpan.FromDays(12));
        var resolved = await fixture.CreateProblemReportAsync(Partnership, age: TimeSpan.FromDays(30));
        await fixture.WithDbContextAsync(db => db.ProblemReports.Where(r => r.Id == resolved.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedAt, fixture.Clock.GetUtcNow()).SetProperty(r => r.ResolutionNote, "Done")));
        using var client = await SignInAsync(fixture, Roles.CjsStaff);

        // Act
        var open = await client.GetDocumentAsync("/manage/problems");
        var all = await client.GetDocumentAsync("/manage/problems?status=all");

        // Assert
        Assert.Equal([$"problem-{old.Id}", $"problem-{recent.Id}"], open.Document.QuerySelectorAll("#problems tbody tr").Select(r => r.Id));
        Assert.Equal(["12 days", "3 hours"], open.Document.QuerySelectorAll("#problems tbody tr td:nth-child(4)").Select(c => c.TextOf()));
        Assert.Equal([$"problem-{old.Id}", $"problem-{recent.Id}", $"problem-{resolved.Id}"], all.Document.QuerySelectorAll("#problems tbody tr").Select(r => r.Id));
    }

    [Fact]
    public async Task Get_OtherPartnershipsReportInTheUrl_IsForbidden()
    {
        // Arrange
        var others = await fixture.CreateProblemReportAsync(OtherPartnership);
        using var client = await CoordinatorAsync(fixture);

        // Act
        var response = await client.GetAsync(new Uri($"/manage/problems/{others.Id}", UriKind.Relative));

        // Assert
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/status/403", StringComparison.Ordinal) == true,
            $"GET answered {(int)response.StatusCode} {response.Headers.Location}.");
    }

    [Fact]
    public async Task Post_ResolveOtherPartnershipsReportInTheUrl_IsForbiddenAndChangesNothing()
    {
        // Arrange
        var own = await fixture.CreateProblemReportAsync(Partnership);
        var others = await fixture.CreateProblemReportAsync(OtherPartnership, "reporter@example.org");
        using var client = await CoordinatorAsync(fixture);
        var page = await client.GetDocumentAsync($"/manage/problems/{own.Id}");
        var token = page.Document.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;

        // Act
        var response = await client.PostFormAsync($"/manage/problems/{others.Id}",
            [KeyValuePair.Create(Forms.AntiforgeryField, token), KeyValuePair.Create("ResolutionNote", "Not mine to resolve")]);

        // Assert
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Response.Headers.Location?.OriginalString.Contains("/status/403", StringComparison.Ordinal) == true,
            $"POST answered {(int)response.StatusCode}.");
        Assert.Null(await fixture.WithDbContextAsync(db => db.ProblemReports.Where(r => r.Id == others.Id).Select(r => r.ResolvedAt).SingleAsync()));
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.EmailOutbox.CountAsync()));
    }

    [Fact]
    public async Task Post_OtherPartnershipsIdsInTheQueryAndBody_ResolveOnlyTheReportInTheUrl()
    {
        // Arrange
        var own = await fixture.CreateProblemReportAsync(Partnership);
        var others = await fixture.CreateProblemReportAsync(OtherPartnership);
        using var client = await CoordinatorAsync(fixture);
        var queue = await client.GetDocumentAsync($"/manage/problems?partnership={OtherPartnership}&id={others.Id}");
        var page = await client.GetDocumentAsync($"/manage/problems/{own.Id}?id={others.Id}");

        // Act
        var saved = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["ResolutionNote"] = "Updated",
            ["id"] = others.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PartnershipId"] = others.PartnershipId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        // Assert
        Assert.Equal([$"problem-{own.Id}"], queue.Document.QuerySelectorAll("#problems tbody tr").Select(r => r.Id));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var resolved = await fixture.WithDbContextAsync(db => db.ProblemReports.Where(r => r.ResolvedAt != null).Select(r => r.Id).ToListAsync());
        Assert.Equal([own.Id], resolved);
    }

    private static Dictionary<string, string> Report(string note, string? email, ProblemKind kind = ProblemKind.ContactDetailsWrong) => new()
    {
        ["Kind"] = ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Note"] = note,
        ["ReplyEmail"] = email ?? string.Empty,
    };
}

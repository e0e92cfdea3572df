using System.Globalization;
using System.Net;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Problems;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Problems;

/// <summary>A problem reported on an organisation's listing: the link on the listing's page, the report in CJS staff's
/// queue and that of the coordinators of the listing's areas (not others'), the listing's contact told, the reporter
/// acknowledged and sent the outcome; an unknown, unpublished or hidden listing has no form.</summary>
public sealed class OrganisationProblemTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Post_ReportFromTheListingsLink_ReachesStaffAndAreaCoordinatorsQueuesTellsTheContactAndAcknowledges()
    {
        // Arrange
        var listing = await Fixture.CreateOrganisationAsync("Carse Recovery Café", areas: ["Falkirk"], contactEmail: "cafe@example.org");
        var staff = await Fixture.CreateActiveCjsStaffAsync();
        var falkirk = await Fixture.CreateUserAsync(Roles.Coordinator, "falkirk");
        var fife = await Fixture.CreateUserAsync(Roles.Coordinator, "fife");
        var reporter = Fixture.CreateClient();
        var page = await reporter.GetDocumentAsync($"/organisations/{listing.Id}");

        // Act
        var form = await reporter.GetDocumentAsync(page.One("#report-a-problem").GetAttribute("href")!);
        var sent = await reporter.SubmitAsync(form, Report("The phone number is out of use.", "reporter@example.org"));
        var thanks = await reporter.GetDocumentAsync(sent.Response.Headers.Location!.OriginalString);
        using var staffClient = Fixture.CreateClientAs(staff.Id);
        using var falkirkClient = Fixture.CreateClientAs(falkirk.Id);
        using var fifeClient = Fixture.CreateClientAs(fife.Id);
        var staffQueue = await staffClient.GetDocumentAsync("/manage/problems");
        var falkirkQueue = await falkirkClient.GetDocumentAsync("/manage/problems");
        var fifeQueue = await fifeClient.GetDocumentAsync("/manage/problems");

        // Assert
        Assert.Equal($"/report-a-problem?organisation={listing.Id}", page.One("#report-a-problem").GetAttribute("href"));
        Assert.Equal("Report a problem with this listing", form.One("h1").TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/report-a-problem/sent?organisation={listing.Id}", sent.Response.Headers.Location?.OriginalString);
        Assert.Contains("Carse Recovery Café listing", thanks.Text, StringComparison.Ordinal);
        var report = await Fixture.WithDbContextAsync(db => db.ProblemReports.AsNoTracking().SingleAsync());
        Assert.Equal((null, listing.Id, "The phone number is out of use."), (report.PartnershipId, report.OrganisationId, report.Note));
        Assert.Single(staffQueue.Document.QuerySelectorAll($"#problem-{report.Id}"));
        Assert.Contains("Carse Recovery Café", staffQueue.One($"#problem-{report.Id}").TextContent, StringComparison.Ordinal);
        Assert.Single(falkirkQueue.Document.QuerySelectorAll($"#problem-{report.Id}"));
        Assert.Empty(fifeQueue.Document.QuerySelectorAll($"#problem-{report.Id}"));
        using var fifeShow = await fifeClient.GetAsync(new Uri($"/manage/problems/{report.Id}", UriKind.Relative));
        Assert.True(fifeShow.StatusCode == HttpStatusCode.Forbidden
            || fifeShow.Headers.Location?.OriginalString.Contains("/status/403", StringComparison.Ordinal) == true, $"{(int)fifeShow.StatusCode}");
        var mail = await Fixture.QueuedEmailsAsync();
        Assert.Equal(
            new[]
            {
                $"cafe@example.org | {ListingProblemReportedEmail.SubjectFor("Carse Recovery Café")}",
                $"reporter@example.org | {ProblemAcknowledgementEmail.Subject}",
                $"{staff.Email} | A problem was reported with the Carse Recovery Café page",
            }.Order(StringComparer.Ordinal),
            mail.Select(e => $"{e.To} | {e.Subject}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_ReportAboutAnAllOfScotlandListing_OpensForAnyCoordinatorWhoMayModerateIt()
    {
        // Arrange: the same coordinator may moderate the all-of-Scotland listing (ModerationScope), not Fife's.
        var national = await Fixture.CreateOrganisationAsync("Scotland-wide Helpline", allOfScotland: true);
        var fifeOnly = await Fixture.CreateOrganisationAsync("Kirkcaldy Food Larder", areas: ["Fife"]);
        var falkirk = await Fixture.CreateUserAsync(Roles.Coordinator, "falkirk");
        var reporter = Fixture.CreateClient();
        await reporter.SubmitAsync(await reporter.GetDocumentAsync($"/report-a-problem?organisation={national.Id}"), Report("The helpline number changed.", null));
        await reporter.SubmitAsync(await reporter.GetDocumentAsync($"/report-a-problem?organisation={fifeOnly.Id}"), Report("Closed on Fridays.", null));
        var reports = await Fixture.WithDbContextAsync(db => db.ProblemReports.AsNoTracking().ToDictionaryAsync(r => r.OrganisationId!.Value, r => r.Id));
        using var client = Fixture.CreateClientAs(falkirk.Id);

        // Act
        var moderation = await client.GetDocumentAsync($"/manage/organisations/{national.Id}");
        var queue = await client.GetDocumentAsync("/manage/problems");
        var show = await client.GetDocumentAsync($"/manage/problems/{reports[national.Id]}");
        using var other = await client.GetAsync(new Uri($"/manage/problems/{reports[fifeOnly.Id]}", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, moderation.StatusCode);
        Assert.Single(queue.Document.QuerySelectorAll($"#problem-{reports[national.Id]}"));
        Assert.Empty(queue.Document.QuerySelectorAll($"#problem-{reports[fifeOnly.Id]}"));
        Assert.Equal(HttpStatusCode.OK, show.StatusCode);
        Assert.Contains("The helpline number changed.", show.Text, StringComparison.Ordinal);
        Assert.True(other.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || other.Headers.Location?.OriginalString.Contains("/status/403", StringComparison.Ordinal) == true, $"{(int)other.StatusCode}");
    }

    [Fact]
    public async Task Post_ResolveAListingsReport_SendsTheOutcomeToTheReporter()
    {
        // Arrange
        var listing = await Fixture.CreateOrganisationAsync("Bo'ness Advice Shop", areas: ["Falkirk"]);
        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        var reporter = Fixture.CreateClient();
        var form = await reporter.GetDocumentAsync($"/report-a-problem?organisation={listing.Id}");
        await reporter.SubmitAsync(form, Report("Closed on Mondays now.", "someone@example.org"));
        var id = await Fixture.WithDbContextAsync(db => db.ProblemReports.Select(r => r.Id).SingleAsync());
        using var staffClient = Fixture.CreateClientAs(staff.Id);
        var page = await staffClient.GetDocumentAsync($"/manage/problems/{id}");

        // Act
        var resolved = await staffClient.SubmitAsync(page, new Dictionary<string, string> { ["ResolutionNote"] = "The listing now says so." });

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("The listing of Bo'ness Advice Shop", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var outcome = await Fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.To == "someone@example.org" && e.Subject == ProblemOutcomeEmail.Subject)
            .Select(e => e.TextBody).SingleAsync());
        Assert.Contains("Bo'ness Advice Shop", outcome, StringComparison.Ordinal);
        Assert.Contains("The listing now says so.", outcome, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("not-a-number")]
    [InlineData("awaiting")]
    [InlineData("hidden")]
    [InlineData("both")]
    public async Task Get_AndPost_UnknownUnpublishedOrHiddenListing_Returns404AndSavesNothing(string which)
    {
        // Arrange
        var waiting = await Fixture.CreateOrganisationAsync("Waiting Trust", areas: ["Fife"], status: Core.Organisations.OrganisationStatus.AwaitingModeration);
        var hidden = await Fixture.CreateOrganisationAsync("Hidden Trust", areas: ["Fife"], confirmedAt: Fixture.Clock.GetUtcNow().AddMonths(-19));
        var query = which switch
        {
            "unknown" => "organisation=999999",
            "not-a-number" => "organisation=abc",
            "awaiting" => $"organisation={waiting.Id.ToString(CultureInfo.InvariantCulture)}",
            "hidden" => $"organisation={hidden.Id.ToString(CultureInfo.InvariantCulture)}",
            _ => $"organisation={hidden.Id.ToString(CultureInfo.InvariantCulture)}&partnership=fife",
        };
        var client = Fixture.CreateClient();
        var valid = await client.GetDocumentAsync("/report-a-problem?partnership=fife");
        var token = valid.Document.QuerySelector($"input[name='{Forms.AntiforgeryField}']")!.GetAttribute("value")!;

        // Act
        var get = await client.GetAsync(new Uri($"/report-a-problem?{query}", UriKind.Relative));
        var post = await client.PostFormAsync($"/report-a-problem?{query}",
            [new(Forms.AntiforgeryField, token), .. Report("Spam", null)]);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.ProblemReports.CountAsync()));
    }

    private static Dictionary<string, string> Report(string note, string? email) => new()
    {
        ["Kind"] = ((int)ProblemKind.ContactDetailsWrong).ToString(CultureInfo.InvariantCulture),
        ["Note"] = note,
        ["ReplyEmail"] = email ?? string.Empty,
    };
}

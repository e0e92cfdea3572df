using System.Net;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Subscriptions;
using CjpPortal.IntegrationTests.Manage;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Returns;

/// <summary>/manage/partnerships/{slug}/returns and /returns/{year}: the list of reporting years, adding and editing a
/// return with its third-sector engagement, the rules, concurrency and history (the test day is 23 November 2026: the
/// latest ended year is 2025-26, the one under way 2026-27).</summary>
public sealed class ReturnsTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Slug = "falkirk";
    private const string ListUrl = $"/manage/partnerships/{Slug}/returns";

    private async Task<HttpClient> CoordinatorAsync(string slug = Slug)
    {
        var user = await Fixture.CreateUserAsync(Roles.Coordinator, slug);
        return Fixture.CreateClientAs(user.Id);
    }

    private Task<AnnualReturn?> ReturnAsync(int year) => Fixture.WithDbContextAsync(db => db.AnnualReturns.AsNoTracking()
        .Include(r => r.StageEngagements).SingleOrDefaultAsync(r => r.Partnership.Slug == Slug && r.ReportingYearStart == year));

    /// <summary>The form as shown, with <paramref name="changes"/>; a change to a field the page shows as several
    /// checkboxes replaces them all (give its values as Name[0], Name[1]...).</summary>
    private static Dictionary<string, string> Filled(HtmlPage form, params (string Name, string Value)[] changes)
    {
        var values = EditForms.Filled(form, changes);
        foreach (var (name, _) in changes.Where(c => c.Name.EndsWith(']') && c.Name.Contains(".RouteKinds[", StringComparison.Ordinal)))
        {
            values.Remove(name[..name.LastIndexOf('[')]);
        }

        return values;
    }

    [Fact]
    public async Task Get_List_ShowsEveryEndedYearBackTo2017AndTheYearUnderWay()
    {
        // Arrange
        await Fixture.CreateAnnualReturnAsync(Slug, 2024, submittedOn: new(2025, 10, 1));
        await Fixture.CreateAnnualReturnAsync(Slug, 2023, submittedOn: new(2024, 10, 1), publishedOn: new(2024, 11, 1));
        using var client = await CoordinatorAsync();

        // Act
        var page = await client.GetDocumentAsync(ListUrl);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var years = page.Document.QuerySelectorAll("#returns tbody tr").Select(r => r.Id).ToList();
        Assert.Equal([.. Enumerable.Range(2017, 9).Reverse().Select(y => $"return-{y}")], years);
        Assert.Equal("Submitted", page.One("#return-2024 td[data-column='status']").TextOf());
        Assert.Equal("1 October 2025", page.One("#return-2024 td[data-column='submitted']").TextOf());
        Assert.Equal("Published", page.One("#return-2023 td[data-column='status']").TextOf());
        Assert.Contains("Read the report", page.One("#return-2023 td[data-column='report']").TextOf(), StringComparison.Ordinal);
        Assert.Equal("Overdue Not recorded", page.One("#return-2022 td[data-column='status']").TextOf());
        Assert.Equal("Due Not recorded", page.One("#return-2025 td[data-column='status']").TextOf());
        Assert.Equal("31 December 2026", page.One("#return-2025 td[data-column='due']").TextOf());
        Assert.Equal($"{ListUrl}/2025", page.One("#return-2025 a[href$='/returns/2025']").GetAttribute("href"));
        Assert.StartsWith("Add", page.One("#return-2025 a[href$='/returns/2025']").TextOf(), StringComparison.Ordinal);
        Assert.StartsWith("Edit", page.One("#return-2024 a[href$='/returns/2024']").TextOf(), StringComparison.Ordinal);
        Assert.Contains("2026 to 2027 has not ended: its return is not yet due. It will be due by 31 December 2027", page.One("#current-year").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NewReturn_SavesItsStagesAndRecordsHistory()
    {
        // Arrange
        using var client = await CoordinatorAsync();
        var form = await client.GetDocumentAsync($"{ListUrl}/2025");

        // Act
        var saved = await client.SubmitAsync(form, Filled(form,
            ("SubmittedOn", "2026-09-30"),
            ("PublishedOn", "2026-10-15"),
            ("PublishedReportLink", "https://falkirk.example.org/annual-report-2025-26.pdf"),
            ("BoardThirdSectorSeats", "2"),
            ("Stages[0].Involvement", "1"),
            ("Stages[0].RouteKinds[0]", "2"),
            ("Stages[0].RouteKinds[1]", "5"),
            ("Stages[0].OrganisationCount", "14"),
            ("Stages[0].Note", "The forum ran the needs assessment."),
            ("Stages[2].Involvement", "3"),
            ("Stages[2].Note", "Services were delivered in house this year."),
            ("DueOn", "2030-01-01")));
        var list = await client.GetDocumentAsync(ListUrl);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("The annual return for 2025 to 2026 has been saved.", list.One("#banner").TextOf(), StringComparison.Ordinal);
        var stored = await ReturnAsync(2025);
        Assert.NotNull(stored);
        Assert.Equal((new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 15), "https://falkirk.example.org/annual-report-2025-26.pdf", 2, new DateOnly(2026, 12, 31)),
            (stored.SubmittedOn, stored.PublishedOn, stored.PublishedReportLink, stored.BoardThirdSectorSeats, stored.DueOn));
        var stages = stored.StageEngagements.OrderBy(s => s.Stage).ToList();
        Assert.Equal([CommissioningStage.Analyse, CommissioningStage.Do], stages.Select(s => s.Stage));
        Assert.Equal((ThirdSectorInvolvement.Yes, 14, "The forum ran the needs assessment."), (stages[0].Involvement, stages[0].OrganisationCount, stages[0].Note));
        Assert.Equal([EngagementRouteKind.LocalForum, EngagementRouteKind.Consultation], stages[0].RouteKinds);
        Assert.Equal((ThirdSectorInvolvement.No, "Services were delivered in house this year."), (stages[1].Involvement, stages[1].Note));
        Assert.Equal("Published", list.One("#return-2025 td[data-column='status']").TextOf());

        var history = await Fixture.WithDbContextAsync(db => db.AuditEntries.Where(a => a.Entity == "AnnualReturn" && a.EntityId == stored.Id).ToListAsync());
        Assert.All(history, a => Assert.Equal(stored.PartnershipId, a.PartnershipId));
        Assert.Contains(history, a => (a.Field, a.OldValue, a.NewValue) == ("SubmittedOn", null, "2026-09-30"));
        Assert.Contains(history, a => (a.Field, a.OldValue, a.NewValue) == ("Analyse.Involvement", null, "Yes"));
        Assert.Contains(history, a => (a.Field, a.OldValue, a.NewValue) == ("Analyse.RouteKinds", null, "LocalForum, Consultation"));
        Assert.Contains(history, a => (a.Field, a.OldValue, a.NewValue) == ("Do.Involvement", null, "No"));
        Assert.DoesNotContain(history, a => a.Field.StartsWith("Plan.", StringComparison.Ordinal));
        var broadcast = await Fixture.WithDbContextAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal((stored.PartnershipId, SubscriptionTopics.Publications, "Falkirk Community Justice Partnership: annual report for 2025 to 2026 published"),
            (broadcast.PartnershipId, broadcast.Topic, broadcast.Subject));
    }

    [Fact]
    public async Task Post_EditClearingAStage_RemovesItsRowAndHistoryShowsTheChange()
    {
        // Arrange
        await Fixture.CreateAnnualReturnAsync(Slug, 2024, submittedOn: new(2025, 10, 1), stages:
        [
            TestData.Stage(CommissioningStage.Plan, ThirdSectorInvolvement.Partly, [EngagementRouteKind.LocalForum, EngagementRouteKind.Event], 3, "Draft plan shared with the forum."),
            TestData.Stage(CommissioningStage.Review, ThirdSectorInvolvement.Yes),
        ]);
        using var client = await CoordinatorAsync();
        var form = await client.GetDocumentAsync($"{ListUrl}/2024");

        // Act
        var values = Filled(form,
            ("Stages[1].OrganisationCount", ""),
            ("Stages[1].Note", ""),
            ("Stages[3].Involvement", "2"));
        Assert.True(values.Remove("Stages[1].Involvement") && values.Remove("Stages[1].RouteKinds"), "The form did not show the stored plan stage.");
        var saved = await client.SubmitAsync(form, values);
        using var staff = Fixture.CreateClientAs((await Fixture.CreateUserAsync(Roles.CjsStaff)).Id);
        var historyPage = await staff.GetDocumentAsync($"/manage/partnerships/{Slug}/history");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await ReturnAsync(2024);
        var stage = Assert.Single(stored!.StageEngagements);
        Assert.Equal((CommissioningStage.Review, ThirdSectorInvolvement.Partly), (stage.Stage, stage.Involvement));
        Assert.Equal(new DateOnly(2025, 10, 1), stored.SubmittedOn);
        var text = historyPage.One("#history").TextOf();
        Assert.Contains("Plan: third sector involved", text, StringComparison.Ordinal);
        Assert.Contains("Plan: how", text, StringComparison.Ordinal);
        Assert.Contains("Local third-sector forum, Event", text, StringComparison.Ordinal);
        Assert.Contains("Review: third sector involved", text, StringComparison.Ordinal);
        Assert.Contains("Annual return", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SubmittedOn=2026-11-24", "SubmittedOn", "must be today (23 November 2026) or in the past")]
    [InlineData("PublishedOn=2026-11-24", "PublishedOn", "must be today (23 November 2026) or in the past")]
    [InlineData("SubmittedOn=2026-10-01&PublishedOn=2026-09-01", "PublishedOn", "on or after the date it was submitted (1 October 2026)")]
    [InlineData("PublishedReportLink=http://falkirk.example.org/report.pdf", "PublishedReportLink", "starting with https://")]
    [InlineData("BoardThirdSectorSeats=-1", "BoardThirdSectorSeats", "0 or more")]
    [InlineData("Stages[0].Involvement=1&Stages[0].OrganisationCount=-3", "Stages_0__OrganisationCount", "0 or more")]
    [InlineData("Stages[0].Involvement=1&Stages[0].Note=LONG", "Stages_0__Note", "1000 characters or fewer")]
    [InlineData("Stages[1].RouteKinds[0]=2", "Stages_1__Involvement", "Choose whether the third sector was involved in the plan stage")]
    [InlineData("Stages[2].Involvement=9", "Stages_2__Involvement", "Choose yes, partly or no for the do stage")]
    [InlineData("Stages[3].Involvement=1&Stages[3].RouteKinds[0]=99", "Stages_3__RouteKinds", "from the list")]
    public async Task Post_InvalidAnswer_Returns400WithTheMessageByTheFieldAndSavesNothing(string fields, string id, string message)
    {
        // Arrange
        using var client = await CoordinatorAsync();
        var form = await client.GetDocumentAsync($"{ListUrl}/2025");
        var changes = fields.Split('&').Select(pair => pair.Split('=', 2)).Select(p => (p[0], p[1] == "LONG" ? new string('n', 1001) : p[1])).ToArray();

        // Act
        var page = await client.SubmitAsync(form, Filled(form, changes));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(message, page.One($"#{id}-error").TextOf(), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($".ds_error-summary a[href='#{id}']"));
        Assert.Null(await ReturnAsync(2025));
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory]
    [InlineData(2026, "The reporting year 2026 to 2027 ends on 31 March 2027. You can record its annual return once it has ended.")]
    [InlineData(2031, "The reporting year 2031 to 2032 ends on 31 March 2032.")]
    [InlineData(2016, "Annual returns start with the reporting year 2017 to 2018")]
    public async Task Get_AndPost_YearThatCannotHaveAReturn_Returns400WithAClearPageAndSavesNothing(int year, string message)
    {
        // Arrange
        using var client = await CoordinatorAsync();
        var token = (await client.GetDocumentAsync($"{ListUrl}/2025")).One($"main form input[name={Forms.AntiforgeryField}]").GetAttribute("value")!;

        // Act
        var page = await client.GetDocumentAsync($"{ListUrl}/{year}");
        var posted = await client.PostFormAsync($"{ListUrl}/{year}", new Dictionary<string, string>
        {
            [Forms.AntiforgeryField] = token,
            ["SubmittedOn"] = "2026-01-01",
            ["Stages[0].Involvement"] = "1",
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(message, page.One("#year-problem").TextOf(), StringComparison.Ordinal);
        Assert.Contains(message, page.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.AnnualReturns.CountAsync()));
    }

    [Fact]
    public async Task Post_FormOpenedBeforeSomeoneElseSaved_Returns409AndKeepsTheirSave()
    {
        // Arrange
        await Fixture.CreateAnnualReturnAsync(Slug, 2024, submittedOn: new(2025, 10, 1));
        using var client = await CoordinatorAsync();
        var form = await client.GetDocumentAsync($"{ListUrl}/2024");
        using var other = await CoordinatorAsync();
        var otherForm = await other.GetDocumentAsync($"{ListUrl}/2024");
        await other.SubmitAsync(otherForm, Filled(otherForm, ("SubmittedOn", "2025-10-05")));

        // Act
        var page = await client.SubmitAsync(form, Filled(form, ("SubmittedOn", "2025-10-09")));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("Someone else saved changes to the annual return for 2024 to 2025", page.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Contains("Submitted is now “5 October 2025”", page.One("#conflicts").TextOf(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 10, 5), (await ReturnAsync(2024))!.SubmittedOn);
    }

    [Fact]
    public async Task Post_TwoFormsAddingTheSameYear_SecondIsRefusedWith409()
    {
        // Arrange
        using var client = await CoordinatorAsync();
        var first = await client.GetDocumentAsync($"{ListUrl}/2025");
        var second = await client.GetDocumentAsync($"{ListUrl}/2025");
        await client.SubmitAsync(first, Filled(first, ("SubmittedOn", "2026-09-01")));

        // Act
        var page = await client.SubmitAsync(second, Filled(second, ("SubmittedOn", "2026-09-02")));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Equal(new DateOnly(2026, 9, 1), (await ReturnAsync(2025))!.SubmittedOn);
    }

    [Fact]
    public async Task Get_AnotherPartnershipsCoordinator_IsForbidden()
    {
        // Arrange
        using var client = await CoordinatorAsync("orkney");

        // Act
        using var list = await client.GetAsync(new Uri(ListUrl, UriKind.Relative));
        using var form = await client.GetAsync(new Uri($"{ListUrl}/2024", UriKind.Relative));

        // Assert
        Assert.All([list, form], response => Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.Headers.Location?.OriginalString ?? string.Empty).Contains("/status/403", StringComparison.Ordinal),
            $"{(int)response.StatusCode} {response.Headers.Location}"));
    }

    [Fact]
    public async Task Get_PartnershipPage_LinksToTheReturns()
    {
        // Arrange
        using var client = await CoordinatorAsync();

        // Act
        var page = await client.GetDocumentAsync($"/manage/partnerships/{Slug}");

        // Assert
        Assert.NotNull(page.Document.QuerySelector($"#sections a[href='{ListUrl}']"));
    }
}

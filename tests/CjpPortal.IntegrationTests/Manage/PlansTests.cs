using System.Globalization;
using System.Net;
using EngagementRouteKind = CjpPortal.Core.Domain.EngagementRouteKind;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Subscriptions;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>/manage/partnerships/{slug}/plans: the list, adding and editing a plan, publishing it (and the older plan
/// superseded), deleting a draft, the participation statement; the rules (400, nothing saved), history, the other
/// partnership's ids, and what the public page shows. The test day is 23 November 2026.</summary>
public sealed class PlansTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string ListUrl = $"/manage/partnerships/{Partnership}/plans";
    private static readonly DateOnly Today = FixedTimeProvider.TestToday;

    [Fact]
    public async Task Get_NoPlans_ShowsEmptyStateAndAddButton()
    {
        // Arrange
        using var client = await CoordinatorAsync(Fixture);

        // Act
        var page = await client.GetDocumentAsync(ListUrl);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("There are no plans yet", page.One("#no-plans").TextOf(), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"main a[href='{ListUrl}/new']"));
    }

    [Fact]
    public async Task Get_Plans_ListsNewestFirstWithStageAndStatement()
    {
        // Arrange
        var old = await Fixture.CreatePlanAsync(Partnership, new(2019, 4, 1), new(2023, 3, 31), publishedOn: new(2019, 5, 1), statementPublishedOn: new(2019, 5, 2));
        var current = await Fixture.CreatePlanAsync(Partnership, new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1));
        var next = await Fixture.CreatePlanAsync(Partnership, new(2028, 4, 1), new(2033, 3, 31), consultationOpensOn: Today.AddDays(-5), consultationClosesOn: Today.AddDays(10));
        using var client = await CoordinatorAsync(Fixture);

        // Act
        var page = await client.GetDocumentAsync(ListUrl);

        // Assert
        var ids = page.Document.QuerySelectorAll("#plans > li").Select(li => li.Id).ToList();
        Assert.Equal([$"plan-{next.Id}", $"plan-{current.Id}", $"plan-{old.Id}"], ids);
        Assert.Equal("Open for consultation", page.One($"#plan-{next.Id}-stage").TextOf());
        Assert.Equal("Published", page.One($"#plan-{current.Id}-stage").TextOf());
        Assert.Equal("Superseded", page.One($"#plan-{old.Id}-stage").TextOf());
        Assert.Equal("Published 2 May 2019", page.One($"#plan-{old.Id}-statement").TextOf());
        Assert.Equal("Missing", page.One($"#plan-{current.Id}-statement").TextOf());
    }

    [Fact]
    public async Task Post_NewPlanWithConsultation_SavesDraftAndRecordsHistory()
    {
        // Arrange
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/new");

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form,
            ("PeriodStart", "2028-04-01"), ("PeriodEnd", "2033-03-31"),
            ("ConsultationOpensOn", "2026-11-20"), ("ConsultationClosesOn", "2026-12-20"),
            ("ConsultationResponseEmail", "Plan@Falkirk.example.org"),
            ("Link", "https://falkirk.example.org/draft-plan")));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var plan = await Fixture.WithDbContextAsync(db => db.Cjoips.SingleAsync());
        Assert.Equal((new DateOnly(2028, 4, 1), new DateOnly(2033, 3, 31), "plan@falkirk.example.org", (DateOnly?)null),
            (plan.PeriodStart, plan.PeriodEnd, plan.ConsultationResponseEmail, plan.PublishedOn));
        var history = await Fixture.WithDbContextAsync(db => db.AuditEntries.Where(a => a.Entity == "Cjoip" && a.EntityId == plan.Id).ToListAsync());
        Assert.Contains(history, a => a.Field == "PeriodStart" && a.OldValue == null && a.NewValue == "2028-04-01");
        Assert.Contains(history, a => a.Field == "ConsultationClosesOn" && a.NewValue == "2026-12-20");
        Assert.All(history, a => Assert.Equal(plan.PartnershipId, a.PartnershipId));
    }

    [Theory]
    [InlineData("PeriodEnd", "2023-04-01", "2023-03-31", "", "", "", "", "must end after it starts")]
    [InlineData("ConsultationClosesOn", "2028-04-01", "2033-03-31", "2026-12-01", "2026-11-30", "plan@falkirk.example.org", "", "close on or after the day it opens")]
    [InlineData("ConsultationResponseLink", "2028-04-01", "2033-03-31", "2026-11-01", "2026-12-01", "", "", "link or an email address")]
    [InlineData("ConsultationClosesOn", "2028-04-01", "2033-03-31", "2026-11-01", "", "plan@falkirk.example.org", "", "Enter the date the consultation closes")]
    [InlineData("ConsultationResponseEmail", "2028-04-01", "2033-03-31", "2026-11-01", "2026-12-01", "not an email", "", "correct format")]
    [InlineData("Link", "2028-04-01", "2033-03-31", "", "", "", "http://falkirk.example.org/plan", "https://")]
    [InlineData("PeriodStart", "", "2033-03-31", "", "", "", "", "Enter the date the plan's period starts")]
    [InlineData("PeriodStart", "2028-02-31", "2033-03-31", "", "", "", "", "must be a real date")]
    public async Task Post_NewPlanBreakingARule_Returns400WithErrorOnFieldAndSavesNothing(
        string field, string start, string end, string opens, string closes, string email, string link, string message)
    {
        // Arrange
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/new");

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form,
            ("PeriodStart", start), ("PeriodEnd", end), ("ConsultationOpensOn", opens), ("ConsultationClosesOn", closes),
            ("ConsultationResponseEmail", email), ("Link", link)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, field, message);
        Assert.Equal(1, page.Document.QuerySelectorAll(".ds_error-summary li").Length);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.Cjoips.CountAsync()));
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Post_EditPlan_SavesAndRecordsTheChangedFieldOnly()
    {
        // Arrange
        var plan = await Fixture.CreatePlanAsync(Partnership, new(2028, 4, 1), new(2033, 3, 31));
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{plan.Id}");

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("PeriodEnd", "2032-03-31")));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entry = await Fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("Cjoip", plan.Id, "PeriodEnd", "2033-03-31", "2032-03-31"), (entry.Entity, entry.EntityId, entry.Field, entry.OldValue, entry.NewValue));
    }

    [Fact]
    public async Task Post_EditFromAStaleForm_Returns409AndKeepsTheOtherSave()
    {
        // Arrange
        var plan = await Fixture.CreatePlanAsync(Partnership, new(2028, 4, 1), new(2033, 3, 31));
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{plan.Id}");
        await Fixture.WithDbContextAsync(db => db.Cjoips.Where(c => c.Id == plan.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Link, "https://falkirk.example.org/someone-else")));

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("Link", "https://falkirk.example.org/mine")));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        HtmlAssertions.AssertErrorSummaryContains(page.Document, "Someone else saved changes to this plan");
        Assert.Equal("https://falkirk.example.org/someone-else", await Fixture.WithDbContextAsync(db => db.Cjoips.Select(c => c.Link).SingleAsync()));
    }

    [Fact]
    public async Task Post_EditPublishedPlanSoItsPeriodOverlapsAnotherPublishedPlan_Returns400AndSavesNothing()
    {
        // Arrange
        await Fixture.CreatePlanAsync(Partnership, new(2019, 4, 1), new(2023, 3, 31), publishedOn: new(2019, 5, 1));
        var current = await Fixture.CreatePlanAsync(Partnership, new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1));
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{current.Id}");

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("PeriodStart", "2023-03-01")));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "PeriodStart", "overlaps another published plan");
        Assert.Equal(new DateOnly(2023, 4, 1), await Fixture.WithDbContextAsync(db => db.Cjoips.Where(c => c.Id == current.Id).Select(c => c.PeriodStart).SingleAsync()));
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Get_Publish_AsksWhetherToReplaceTheCurrentPlanWithTodayAsTheDate()
    {
        // Arrange
        await Fixture.CreatePlanAsync(Partnership, new(2019, 4, 1), new(2023, 3, 31), publishedOn: new(2019, 5, 1));
        var next = await Fixture.CreatePlanAsync(Partnership, new(2023, 4, 1), new(2028, 3, 31));
        using var client = await CoordinatorAsync(Fixture);

        // Act
        var page = await client.GetDocumentAsync($"{ListUrl}/{next.Id}/publish");

        // Assert
        Assert.Equal("Publish the 2023 to 2028 plan?", page.One("h1").TextOf());
        Assert.StartsWith("It will replace the 2019 to 2023 plan as the current plan", page.One("#replaces").TextOf(), StringComparison.Ordinal);
        Assert.Equal("2026-11-23", page.One("#PublishedOn").GetAttribute("value"));
    }

    [Fact]
    public async Task Post_Publish_PublishesSupersedesTheOlderPlanEverywhereAndRecordsHistory()
    {
        // Arrange
        var old = await Fixture.CreatePlanAsync(Partnership, new(2019, 4, 1), new(2023, 3, 31), publishedOn: new(2019, 5, 1));
        var next = await Fixture.CreatePlanAsync(Partnership, new(2023, 4, 1), new(2028, 3, 31));
        using var client = await CoordinatorAsync(Fixture);
        using var staff = await SignInAsync(Fixture, Roles.CjsStaff);
        // A visitor on the coordinator's instance: the publication evicts its caches before it answers. (The
        // Fixture's own client is another instance, which hears of it later, by NOTIFY: InstancesTests.)
        using var visitor = await SignInAsync(Fixture, null);
        var publicBefore = await visitor.GetDocumentAsync($"/partnerships/{Partnership}");
        var form = await client.GetDocumentAsync($"{ListUrl}/{next.Id}/publish");

        // Act
        var published = await client.SubmitAsync(form, new Dictionary<string, string> { ["PublishedOn"] = "2026-11-20" });
        var list = await client.GetDocumentAsync(ListUrl);
        var publicAfter = await visitor.GetDocumentAsync($"/partnerships/{Partnership}");
        var dashboard = await staff.GetDocumentAsync("/national/dashboard");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("has been published", list.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Equal("Superseded", list.One($"#plan-{old.Id}-stage").TextOf());
        Assert.Equal("Published", list.One($"#plan-{next.Id}-stage").TextOf());
        Assert.Contains("2019 to 2023", publicBefore.One("#current-plan").TextOf(), StringComparison.Ordinal);
        Assert.Contains("2023 to 2028", publicAfter.One("#current-plan").TextOf(), StringComparison.Ordinal);
        Assert.Contains("published 20 November 2026", publicAfter.One("#current-plan").TextOf(), StringComparison.Ordinal);
        Assert.Contains("2023 to 2028", dashboard.One($"#row-{Partnership}").TextOf(), StringComparison.Ordinal);
        var entry = await Fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("Cjoip", next.Id, "PublishedOn", (string?)null, "2026-11-20"), (entry.Entity, entry.EntityId, entry.Field, entry.OldValue, entry.NewValue));
    }

    [Theory]
    [InlineData("2026-11-24", "today or in the past")]
    [InlineData("", "Enter the date the plan was published")]
    public async Task Post_PublishWithABadDate_Returns400AndSavesNothing(string publishedOn, string message)
    {
        // Arrange
        var plan = await Fixture.CreatePlanAsync(Partnership, new(2023, 4, 1), new(2028, 3, 31));
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{plan.Id}/publish");

        // Act
        var page = await client.SubmitAsync(form, new Dictionary<string, string> { ["PublishedOn"] = publishedOn });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "PublishedOn", message);
        Assert.Null(await Fixture.WithDbContextAsync(db => db.Cjoips.Select(c => c.PublishedOn).SingleAsync()));
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Post_PublishAPlanOverlappingAPublishedOne_Returns400AndSavesNothing()
    {
        // Arrange
        await Fixture.CreatePlanAsync(Partnership, new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1));
        var overlapping = await Fixture.CreatePlanAsync(Partnership, new(2027, 4, 1), new(2032, 3, 31));
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{overlapping.Id}/publish");

        // Act
        var page = await client.SubmitAsync(form, new Dictionary<string, string> { ["PublishedOn"] = "2026-11-23" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "PublishedOn", "overlaps another published plan");
        Assert.Null(await Fixture.WithDbContextAsync(db => db.Cjoips.Where(c => c.Id == overlapping.Id).Select(c => c.PublishedOn).SingleAsync()));
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Post_DeleteDraft_DeletesItAndItsStatementWithHistory()
    {
        // Arrange
        var plan = await Fixture.CreatePlanAsync(Partnership, new(2028, 4, 1), new(2033, 3, 31), statementPublishedOn: new(2026, 11, 1));
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{plan.Id}/delete");

        // Act
        var done = await client.SubmitAsync(form, new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.Cjoips.CountAsync()));
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.ParticipationStatements.CountAsync()));
        Assert.True(await Fixture.WithDbContextAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Cjoip" && a.Field == "PeriodStart" && a.OldValue == "2028-04-01" && a.NewValue == null)));
    }

    [Fact]
    public async Task Post_DeletePublishedPlan_Returns400AndKeepsIt()
    {
        // Arrange
        var plan = await Fixture.CreatePlanAsync(Partnership, new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1));
        using var client = await CoordinatorAsync(Fixture);
        var page = await client.GetDocumentAsync($"{ListUrl}/{plan.Id}/delete");
        var token = page.Document.QuerySelector($"input[name={Forms.AntiforgeryField}]")?.GetAttribute("value")
            ?? (await client.GetDocumentAsync($"{ListUrl}/{plan.Id}")).One($"input[name={Forms.AntiforgeryField}]").GetAttribute("value")!;

        // Act
        var refused = await client.PostFormAsync($"{ListUrl}/{plan.Id}/delete", new Dictionary<string, string> { [Forms.AntiforgeryField] = token });

        // Assert
        Assert.Contains("cannot be deleted", page.One("#cannot-delete").TextOf(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(1, await Fixture.WithDbContextAsync(db => db.Cjoips.CountAsync()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/publish")]
    [InlineData("/delete")]
    [InlineData("/statement")]
    public async Task Get_AnotherPartnershipsPlanInTheUrl_Returns404(string page)
    {
        // Arrange
        var other = await Fixture.CreatePlanAsync(OtherPartnership, new(2028, 4, 1), new(2033, 3, 31));
        using var client = await CoordinatorAsync(Fixture);

        // Act
        var response = await client.GetAsync(new Uri($"{ListUrl}/{other.Id}{page}", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_Statement_SavesKindsRoutesAndRecordsHistory()
    {
        // Arrange
        var plan = await Fixture.CreatePlanAsync(Partnership, new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1));
        var forum = await Fixture.CreateRouteAsync(Partnership, "Falkirk third-sector forum");
        await Fixture.CreateRouteAsync(Partnership, "Justice thematic group", EngagementRouteKind.ThematicGroup);
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{plan.Id}/statement");

        // Act
        var saved = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Summary"] = "The forum commented on two drafts.",
            ["RouteKinds[0]"] = Invariant((int)EngagementRouteKind.LocalForum),
            ["RouteKinds[1]"] = Invariant((int)EngagementRouteKind.Event),
            ["RouteIds[0]"] = Invariant(forum.Id),
            ["Link"] = "https://falkirk.example.org/statement",
            ["PublishedOn"] = "2023-06-02",
        });
        var publicPage = await Fixture.Client.GetDocumentAsync($"/partnerships/{Partnership}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var statement = await Fixture.WithDbContextAsync(db => db.ParticipationStatements.Include(s => s.Routes).SingleAsync());
        Assert.Equal([EngagementRouteKind.LocalForum, EngagementRouteKind.Event], statement.RouteKinds);
        Assert.Equal([forum.Id], statement.Routes.Select(r => r.Id));
        var history = await Fixture.WithDbContextAsync(db => db.AuditEntries.Where(a => a.Entity == "ParticipationStatement").ToListAsync());
        Assert.Contains(history, a => a.Field == "RouteKinds" && a.NewValue == "LocalForum, Event" && a.PartnershipId == plan.PartnershipId);
        Assert.Contains(history, a => a.Field == "Routes" && a.NewValue == "Falkirk third-sector forum");
        Assert.Contains("Published 2 June 2023", publicPage.One("#participation-statement").TextOf(), StringComparison.Ordinal);
        var broadcast = await Fixture.WithDbContextAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal((plan.PartnershipId, SubscriptionTopics.Publications), (broadcast.PartnershipId, broadcast.Topic));
        Assert.StartsWith("Falkirk Community Justice Partnership: participation statement for the ", broadcast.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_StatementAlreadyPublished_TellsSubscribersOnlyOnce()
    {
        // Arrange
        var plan = await Fixture.CreatePlanAsync(Partnership, new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1), statementPublishedOn: new(2023, 6, 2));
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{plan.Id}/statement");

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("Summary", "Corrected wording.")));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.Broadcasts.CountAsync()));
    }

    [Fact]
    public async Task Post_StatementWithAnotherPartnershipsRoute_Returns400AndSavesNothing()
    {
        // Arrange
        var plan = await Fixture.CreatePlanAsync(Partnership, new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1));
        await Fixture.CreateRouteAsync(Partnership, "Falkirk third-sector forum");
        var otherRoute = await Fixture.CreateRouteAsync(OtherPartnership, "Orkney forum");
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{plan.Id}/statement");

        // Act
        var page = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Summary"] = "Tampered",
            ["RouteIds[0]"] = Invariant(otherRoute.Id),
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "RouteIds", "this partnership's list");
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.ParticipationStatements.CountAsync()));
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.Broadcasts.CountAsync()));
    }

    [Theory]
    [InlineData("PublishedOn", "2026-11-24", "https://falkirk.example.org/s", "today or in the past")]
    [InlineData("Link", "2026-11-01", "http://falkirk.example.org/s", "https://")]
    [InlineData("Link", "2026-11-01", "", "Upload the published statement or give its link")]
    public async Task Post_StatementBreakingARule_Returns400AndSavesNothing(string field, string publishedOn, string link, string message)
    {
        // Arrange
        var plan = await Fixture.CreatePlanAsync(Partnership, new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1));
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{plan.Id}/statement");

        // Act
        var page = await client.SubmitAsync(form, new Dictionary<string, string> { ["PublishedOn"] = publishedOn, ["Link"] = link });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, field, message);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.ParticipationStatements.CountAsync()));
    }

    [Fact]
    public async Task Get_PublicPageWithPlanInConsultation_HighlightsCloseDateCountdownAndHowToRespond()
    {
        // Arrange
        await Fixture.CreatePlanAsync(Partnership, new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1));
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/new");
        await client.SubmitAsync(form, EditForms.Filled(form,
            ("PeriodStart", "2028-04-01"), ("PeriodEnd", "2033-03-31"),
            ("ConsultationOpensOn", "2026-11-20"), ("ConsultationClosesOn", "2026-12-05"),
            ("ConsultationResponseLink", "https://falkirk.example.org/respond"),
            ("ConsultationResponseEmail", "plan@falkirk.example.org")));
        var id = await Fixture.WithDbContextAsync(db => db.Cjoips.Where(c => c.PublishedOn == null).Select(c => c.Id).SingleAsync());

        // Act
        var page = await Fixture.Client.GetDocumentAsync($"/partnerships/{Partnership}");

        // Assert
        var panel = page.One("#open-consultation").TextOf();
        Assert.Contains("2028 to 2033", panel, StringComparison.Ordinal);
        Assert.Contains("5 December 2026", panel, StringComparison.Ordinal);
        Assert.Equal("Closes in 12 days", page.One($"#closes-in-{id}").TextOf());
        Assert.Equal("https://falkirk.example.org/respond", page.One($"#respond-{id} a[href^='https:']").GetAttribute("href"));
        Assert.NotNull(page.Document.QuerySelector($"#respond-{id} a[href='mailto:plan@falkirk.example.org']"));
        Assert.Equal("Published", page.One("#current-plan-stage").TextOf());
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Updates;
using CjpPortal.IntegrationTests.Manage;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Updates;

/// <summary>/manage/partnerships/{slug}/updates and /national/updates: write, preview, publish, correct, delete; bad
/// input refused with nothing saved.</summary>
public sealed class ManageUpdatesTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string ListUrl = $"/manage/partnerships/{Partnership}/updates";

    /// <summary>Tomorrow in the test clock's Scotland (UTC in November).</summary>
    private static string Tomorrow => FixedTimeProvider.TestToday.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Get_NoUpdates_ShowsEmptyState()
    {
        // Arrange
        using var client = await CoordinatorAsync(Fixture);

        // Act
        var page = await client.GetDocumentAsync(ListUrl);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("no updates yet", page.One("#no-updates").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NewMeeting_SavesDraftThatIsNotPublic()
    {
        // Arrange
        var route = await Fixture.CreateRouteAsync(Partnership, "Falkirk Third Sector Forum");
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/new");

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form,
            ("Kind", "1"), ("Title", "Forum meeting"), ("Body", "**Agenda** to follow"), ("StartsOn", Tomorrow), ("StartsTime", "14:30"),
            ("EndsTime", "16:00"), ("Place", "Callendar House"), ("EngagementRouteId", route.Id.ToString(CultureInfo.InvariantCulture))));
        using var reader = Fixture.CreateAccountsClient();
        var update = await Fixture.WithDbContextAsync(db => db.ForumUpdates.AsNoTracking().SingleAsync());
        var publicPage = await reader.GetAsync($"/updates/{update.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((UpdateKind.Meeting, "Forum meeting", route.Id, (DateTimeOffset?)null),
            (update.Kind, update.Title, update.EngagementRouteId, update.PublishedAt));
        Assert.Equal(new DateTimeOffset(FixedTimeProvider.TestToday.AddDays(1), new TimeOnly(14, 30), TimeSpan.Zero), update.StartsAt);
        Assert.Equal(HttpStatusCode.NotFound, publicPage.StatusCode);
        Assert.Contains(await Fixture.WithDbContextAsync(db => db.AuditEntries.Where(a => a.Entity == "ForumUpdate").ToListAsync()),
            a => a.Field == "Title" && a.NewValue == "Forum meeting");
    }

    [Fact]
    public async Task Post_PublishFromPreview_IsOnPublicPagesAndCallsNotifier()
    {
        // Arrange
        var draft = await Fixture.CreateUpdateAsync(Partnership, "New chair", "Welcome to *Anna*.");
        using var client = await CoordinatorAsync(Fixture);
        var preview = await client.GetDocumentAsync($"{ListUrl}/{draft.Id}");

        // Act
        var published = await client.SubmitAsync(preview, new Dictionary<string, string>());
        using var reader = Fixture.CreateAccountsClient();
        var page = await reader.GetDocumentAsync($"/updates/{draft.Id}");
        var partnershipPage = await reader.GetDocumentAsync($"/partnerships/{Partnership}");

        // Assert
        Assert.Contains("<em>Anna</em>", preview.One("#update-body").InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("New chair", page.One("h1").TextOf());
        Assert.Contains("New chair", partnershipPage.One("#latest-updates").TextOf(), StringComparison.Ordinal);
        var stored = await Fixture.WithDbContextAsync(db => db.ForumUpdates.AsNoTracking().SingleAsync());
        Assert.Equal(Fixture.Clock.GetUtcNow(), stored.PublishedAt);
    }

    [Fact]
    public async Task Post_CorrectionWithoutResend_MarksCorrectedAndKeepsPublishedTime()
    {
        // Arrange
        var publishedAt = Fixture.Clock.GetUtcNow().AddDays(-2);
        var update = await Fixture.CreateUpdateAsync(Partnership, "Forum news", "The forum meets on Tusday.", publishedAt: publishedAt);
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{update.Id}/edit");

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("Body", "The forum meets on Tuesday.")));
        using var reader = Fixture.CreateAccountsClient();
        var page = await reader.GetDocumentAsync($"/updates/{update.Id}");

        // Assert
        Assert.Null(form.Document.QuerySelector("#SendCorrection[checked]"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await Fixture.WithDbContextAsync(db => db.ForumUpdates.AsNoTracking().SingleAsync());
        Assert.Equal((publishedAt, Fixture.Clock.GetUtcNow(), "The forum meets on Tuesday."), (stored.PublishedAt, stored.CorrectedAt, stored.Body));
        Assert.Contains("Tuesday", page.One("#update-body").TextOf(), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#corrected"));
    }

    [Fact]
    public async Task Post_EditAfterSomeoneElseSaved_Returns409ShowingWhatChangedAndSavesNothing()
    {
        // Arrange: the form opens, then a colleague saves a new text
        var update = await Fixture.CreateUpdateAsync(Partnership, "Forum news", "The forum meets on Tuesday.");
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{update.Id}/edit");
        await Fixture.WithDbContextAsync(db => db.ForumUpdates.Where(u => u.Id == update.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Body, "The forum meets on Thursday.")));

        // Act
        var refused = await client.SubmitAsync(form, EditForms.Filled(form, ("Title", "Forum news for March")));
        var stored = await Fixture.WithDbContextAsync(db => db.ForumUpdates.AsNoTracking().SingleAsync());
        var again = await client.SubmitAsync(refused, EditForms.Filled(refused));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Someone else saved changes to this update", refused.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Contains("The text is now “The forum meets on Thursday.” (you entered “The forum meets on Tuesday.”)", refused.One("#conflicts").TextOf(), StringComparison.Ordinal);
        Assert.Equal("Forum news for March", refused.One("#Title").GetAttribute("value"));
        Assert.Equal(("Forum news", "The forum meets on Thursday."), (stored.Title, stored.Body));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Post_NationalCorrectionAfterSomeoneElseSaved_Returns409AndSavesNothing()
    {
        // Arrange
        var update = await Fixture.CreateUpdateAsync(null, "National forum day", "Save the date.", publishedAt: Fixture.Clock.GetUtcNow().AddDays(-1));
        using var client = await SignInAsync(Fixture, Roles.CjsStaff);
        var form = await client.GetDocumentAsync($"/national/updates/{update.Id}/edit");
        await Fixture.WithDbContextAsync(db => db.ForumUpdates.Where(u => u.Id == update.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Title, "National forum day: new venue")));

        // Act
        var refused = await client.SubmitAsync(form, EditForms.Filled(form, ("Body", "Save the date: 5 May."), ("SendCorrection", "true")));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("The title is now “National forum day: new venue”", refused.One("#conflicts").TextOf(), StringComparison.Ordinal);
        var stored = await Fixture.WithDbContextAsync(db => db.ForumUpdates.AsNoTracking().SingleAsync());
        Assert.Equal(("Save the date.", (DateTimeOffset?)null), (stored.Body, stored.CorrectedAt));
        Assert.False(await Fixture.WithDbContextAsync(db => db.Broadcasts.AnyAsync()));
    }

    [Fact]
    public async Task Post_DeleteDraft_RemovesIt()
    {
        // Arrange
        var draft = await Fixture.CreateUpdateAsync(Partnership);
        using var client = await CoordinatorAsync(Fixture);
        var confirm = await client.GetDocumentAsync($"{ListUrl}/{draft.Id}/delete");

        // Act
        var deleted = await client.SubmitAsync(confirm, new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.ForumUpdates.CountAsync()));
    }

    [Fact]
    public async Task Post_PublishAfterSomeoneElseSaved_Returns409ShowingTheDraftAndPublishesNothing()
    {
        // Arrange: the preview opens, then a colleague changes the draft
        var draft = await Fixture.CreateUpdateAsync(Partnership, "Forum news", "The forum meets on Tuesday.");
        using var client = await CoordinatorAsync(Fixture);
        var preview = await client.GetDocumentAsync($"{ListUrl}/{draft.Id}");
        await Fixture.WithDbContextAsync(db => db.ForumUpdates.Where(u => u.Id == draft.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Body, "The forum meets on Thursday.")));

        // Act
        var refused = await client.SubmitAsync(preview, new Dictionary<string, string>());
        var stored = await Fixture.WithDbContextAsync(db => db.ForumUpdates.AsNoTracking().SingleAsync());
        var broadcasts = await Fixture.WithDbContextAsync(db => db.Broadcasts.AnyAsync());
        var again = await client.SubmitAsync(refused, new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Someone else saved changes to this draft", refused.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Contains("Thursday", refused.One("#update-body").TextOf(), StringComparison.Ordinal);
        Assert.Null(stored.PublishedAt);
        Assert.False(broadcasts);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Post_DeleteAfterSomeoneElsePublished_Returns409AndKeepsIt()
    {
        // Arrange: the confirmation opens, then a colleague publishes the draft
        var draft = await Fixture.CreateUpdateAsync(Partnership, "Forum news");
        using var client = await CoordinatorAsync(Fixture);
        var confirm = await client.GetDocumentAsync($"{ListUrl}/{draft.Id}/delete");
        var publishedAt = Fixture.Clock.GetUtcNow();
        await Fixture.WithDbContextAsync(db => db.ForumUpdates.Where(u => u.Id == draft.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PublishedAt, publishedAt)));

        // Act
        var refused = await client.SubmitAsync(confirm, new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("has not been deleted", refused.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Null(refused.Document.QuerySelector("main form"));
        Assert.Equal(1, await Fixture.WithDbContextAsync(db => db.ForumUpdates.CountAsync()));
    }

    [Fact]
    public async Task Get_DeletePublished_IsNotFound()
    {
        // Arrange
        var update = await Fixture.CreateUpdateAsync(Partnership, publishedAt: Fixture.Clock.GetUtcNow());
        using var client = await CoordinatorAsync(Fixture);

        // Act
        var response = await client.GetAsync($"{ListUrl}/{update.Id}/delete");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("Title", "", "Enter a title")]
    [InlineData("Title", "LONG", "200 characters")]
    [InlineData("Body", "", "Enter the text")]
    [InlineData("StartsOn", "2026-11-22", "must be in the future")]
    [InlineData("EndsTime", "13:00", "must end after it starts")]
    [InlineData("OnlineLink", "http://meet.example.org/forum", "starting with https://")]
    [InlineData("OnlineLink", "javascript:alert(1)", "starting with https://")]
    public async Task Post_BadMeeting_Returns400WithErrorAndSavesNothing(string field, string value, string message)
    {
        // Arrange
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/new");
        var values = EditForms.Filled(form, ("Kind", "1"), ("Title", "Forum meeting"), ("Body", "Agenda"), ("StartsOn", Tomorrow),
            ("StartsTime", "14:30"), ("Place", "Callendar House"));
        values[field] = value == "LONG" ? new string('t', ForumUpdate.TitleMaxLength + 1) : value;

        // Act
        var page = await client.SubmitAsync(form, values);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(message, page.One($"#{field}-error").TextOf(), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($".ds_error-summary a[href='#{field}']"));
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.ForumUpdates.CountAsync()));
    }

    [Fact]
    public async Task Post_RouteOfAnotherPartnership_Returns400AndSavesNothing()
    {
        // Arrange
        var otherRoute = await Fixture.CreateRouteAsync(OtherPartnership, "Orkney forum");
        await Fixture.CreateRouteAsync(Partnership, "Falkirk forum");
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/new");
        var values = EditForms.Filled(form, ("Kind", "1"), ("Title", "Forum meeting"), ("Body", "Agenda"), ("StartsOn", Tomorrow),
            ("StartsTime", "14:30"), ("Place", "Callendar House"));
        values["EngagementRouteId"] = otherRoute.Id.ToString(CultureInfo.InvariantCulture);

        // Act
        var page = await client.SubmitAsync(form, values);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("this partnership’s engagement routes", page.One("#EngagementRouteId-error").TextOf(), StringComparison.Ordinal);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.ForumUpdates.CountAsync()));
    }

    [Fact]
    public async Task Get_OtherPartnershipsUpdateUnderOwnSlug_IsNotFound()
    {
        // Arrange
        var other = await Fixture.CreateUpdateAsync(OtherPartnership);
        using var client = await CoordinatorAsync(Fixture);

        // Act
        var response = await client.GetAsync($"{ListUrl}/{other.Id}/edit");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_NationalUpdateByCjsStaff_IsPublishedWithoutPartnership()
    {
        // Arrange
        using var client = await SignInAsync(Fixture, Roles.CjsStaff);
        var form = await client.GetDocumentAsync("/national/updates/new");

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("Kind", "0"), ("Title", "National forum day"), ("Body", "Save the date.")));
        var preview = await client.GetDocumentAsync(saved.Response.Headers.Location!.OriginalString);
        var published = await client.SubmitAsync(preview, new Dictionary<string, string>());
        using var reader = Fixture.CreateAccountsClient();
        var national = await reader.GetDocumentAsync("/updates");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var stored = await Fixture.WithDbContextAsync(db => db.ForumUpdates.AsNoTracking().SingleAsync());
        Assert.Equal((int?)null, stored.PartnershipId);
        Assert.NotNull(stored.PublishedAt);
        Assert.Contains("National forum day", national.One("#update-list").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NationalUpdatesAsCoordinator_IsRefused()
    {
        // Arrange
        using var client = await CoordinatorAsync(Fixture);

        // Act
        var response = await client.GetAsync("/national/updates");

        // Assert: sent to the access-denied page, as every staff page does for a coordinator.
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.DoesNotContain("/national/updates", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

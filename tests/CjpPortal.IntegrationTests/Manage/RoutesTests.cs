using System.Globalization;
using System.Net;
using EngagementRoute = CjpPortal.Core.Domain.EngagementRoute;
using EngagementRouteKind = CjpPortal.Core.Domain.EngagementRouteKind;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>/manage/partnerships/{slug}/routes: add, edit, deactivate, reorder; validation, history, the public page.</summary>
[Collection(PortalCollection.Name)]
public sealed class RoutesTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string ListUrl = $"/manage/partnerships/{Partnership}/routes";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Post_EditForumMeetingTime_ShowsOnPublicPageAtOnceAndRecordsHistory()
    {
        // Arrange
        var forum = await ForumAsync();
        await DataReset.EvictCachesAsync(fixture.AccountsFactory().Services);
        using var reader = fixture.CreateAccountsClient();
        var publicBefore = await reader.GetDocumentAsync($"/partnerships/{Partnership}");
        using var client = await CoordinatorAsync(fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{forum.Id}");

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("MeetingFrequency", "First Thursday of the month, 2pm")));
        var list = await client.GetDocumentAsync(ListUrl);
        var publicAfter = await reader.GetDocumentAsync($"/partnerships/{Partnership}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("has been saved", list.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.DoesNotContain("First Thursday of the month, 2pm", publicBefore.Text, StringComparison.Ordinal);
        Assert.Contains("First Thursday of the month, 2pm", publicAfter.Text, StringComparison.Ordinal);
        var entry = await fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("EngagementRoute", forum.Id, "MeetingFrequency", forum.MeetingFrequency, "First Thursday of the month, 2pm"),
            (entry.Entity, entry.EntityId, entry.Field, entry.OldValue, entry.NewValue));
    }

    [Fact]
    public async Task Post_AddRoute_AddsItLastAndRecordsHistory()
    {
        // Arrange
        using var client = await SignInAsync(fixture, Roles.CjsStaff);
        var form = await client.GetDocumentAsync($"{ListUrl}/new");

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form,
            ("Kind", ((int)EngagementRouteKind.Event).ToString(CultureInfo.InvariantCulture)),
            ("Title", "Annual third-sector conference"),
            ("ContactEmail", "events@falkirk.example.org")));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var routes = await fixture.WithDbContextAsync(db => db.EngagementRoutes.Where(r => r.Partnership.Slug == Partnership).OrderBy(r => r.DisplayOrder).ToListAsync());
        var added = routes[^1];
        Assert.Equal(("Annual third-sector conference", EngagementRouteKind.Event, "events@falkirk.example.org"), (added.Title, added.Kind, added.ContactEmail));
        var history = await fixture.WithDbContextAsync(db => db.AuditEntries.Where(a => a.Entity == "EngagementRoute" && a.EntityId == added.Id).ToListAsync());
        Assert.Contains(history, a => a.Field == "Title" && a.OldValue == null && a.NewValue == "Annual third-sector conference");
    }

    [Fact]
    public async Task Post_DuplicateTitle_Returns400WithErrorOnTitle()
    {
        // Arrange
        var forum = await ForumAsync();
        using var client = await CoordinatorAsync(fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/new");

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("Title", forum.Title)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("already has a route with this title", page.One("#Title-error").TextOf(), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector(".ds_error-summary a[href='#Title']"));
    }

    [Theory]
    [InlineData("Title", "", "Enter a title")]
    [InlineData("ContactEmail", "not an email", "correct format")]
    [InlineData("ContactEmail", "name@localhost", "correct format")]
    public async Task Post_InvalidField_Returns400WithErrorOnField(string field, string value, string message)
    {
        // Arrange
        var forum = await ForumAsync();
        using var client = await CoordinatorAsync(fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{forum.Id}");

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, (field, value)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(message, page.One($"#{field}-error").TextOf(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Post_TitleTooLong_Returns400()
    {
        // Arrange
        using var client = await CoordinatorAsync(fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/new");

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("Title", new string('t', 201))));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("200 characters", page.One("#Title-error").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Deactivate_HidesFromPublicPageAndRecordsHistory()
    {
        // Arrange
        var forum = await ForumAsync();
        await DataReset.EvictCachesAsync(fixture.AccountsFactory().Services);
        using var reader = fixture.CreateAccountsClient();
        var publicBefore = await reader.GetDocumentAsync($"/partnerships/{Partnership}");
        using var client = await CoordinatorAsync(fixture);
        var list = await client.GetDocumentAsync(ListUrl);

        // Act
        var done = await client.ClickAsync(list, $"#route-{forum.Id} button[formaction*='handler=Deactivate']");
        var publicAfter = await reader.GetDocumentAsync($"/partnerships/{Partnership}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains(forum.Title, publicBefore.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(forum.Title, publicAfter.Text, StringComparison.Ordinal);
        var entry = await fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync(a => a.Field == "IsActive"));
        Assert.Equal(("yes", "no"), (entry.OldValue, entry.NewValue));
    }

    [Fact]
    public async Task Post_MoveDownThenUp_ChangesOrder()
    {
        // Arrange
        using var client = await CoordinatorAsync(fixture);
        var before = await OrderAsync();
        var list = await client.GetDocumentAsync(ListUrl);

        // Act
        await client.ClickAsync(list, $"#route-{before[0]} button[formaction*='handler=MoveDown']");
        var afterDown = await OrderAsync();
        list = await client.GetDocumentAsync(ListUrl);
        await client.ClickAsync(list, $"#route-{before[0]} button[formaction*='handler=MoveUp']");
        var afterUp = await OrderAsync();

        // Assert
        Assert.True(before.Count >= 2);
        Assert.Equal(before[1], afterDown[0]);
        Assert.Equal(before[0], afterDown[1]);
        Assert.Equal(before, afterUp);
    }

    [Fact]
    public async Task Post_SecondSaveFromStaleRouteForm_Returns409AndKeepsFirstValue()
    {
        // Arrange
        var forum = await ForumAsync();
        using var first = await CoordinatorAsync(fixture);
        using var second = await SignInAsync(fixture, Roles.Administrator);
        var firstForm = await first.GetDocumentAsync($"{ListUrl}/{forum.Id}");
        var secondForm = await second.GetDocumentAsync($"{ListUrl}/{forum.Id}");
        await first.SubmitAsync(firstForm, EditForms.Filled(firstForm, ("MeetingFrequency", "Mondays")));

        // Act
        var refused = await second.SubmitAsync(secondForm, EditForms.Filled(secondForm, ("MeetingFrequency", "Fridays")));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("“Mondays” (you entered “Fridays”)", refused.One("#conflicts").TextOf(), StringComparison.Ordinal);
        Assert.Equal("Mondays", await fixture.WithDbContextAsync(db => db.EngagementRoutes.Where(r => r.Id == forum.Id).Select(r => r.MeetingFrequency).SingleAsync()));
    }

    [Fact]
    public async Task Get_RouteOfAnotherPartnershipUnderThisSlug_Returns404()
    {
        // Arrange
        var otherRoute = await fixture.WithDbContextAsync(db => db.EngagementRoutes.Where(r => r.Partnership.Slug == OtherPartnership).Select(r => r.Id).FirstAsync());
        using var client = await CoordinatorAsync(fixture);

        // Act
        var response = await client.GetAsync(new Uri($"{ListUrl}/{otherRoute}", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<EngagementRoute> ForumAsync() => fixture.WithDbContextAsync(db => db.EngagementRoutes.AsNoTracking()
        .FirstAsync(r => r.Partnership.Slug == Partnership && r.Kind == EngagementRouteKind.LocalForum && r.IsActive));

    private Task<List<int>> OrderAsync() => fixture.WithDbContextAsync(db => db.EngagementRoutes
        .Where(r => r.Partnership.Slug == Partnership).OrderBy(r => r.DisplayOrder).ThenBy(r => r.Title).Select(r => r.Id).ToListAsync());

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

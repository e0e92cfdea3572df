using System.Net;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>/manage/partnerships/{slug}/details: validation, history, the public page, and two people editing at once.</summary>
[Collection(PortalCollection.Name)]
public sealed class DetailsTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/manage/partnerships/{Partnership}/details";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Post_ValidDetails_SavesRecordsHistoryAndShowsOnPublicPageAtOnce()
    {
        // Arrange
        using var client = await CoordinatorAsync(fixture);
        var before = await fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == Partnership).Select(p => p.Website).SingleAsync());
        // The editors' host has its own output cache; start the public page from the database.
        await DataReset.EvictCachesAsync(fixture.AccountsFactory().Services);
        using var reader = fixture.CreateAccountsClient();
        var publicBefore = await reader.GetDocumentAsync($"/partnerships/{Partnership}");
        var form = await client.GetDocumentAsync(Url);

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("Website", "https://falkirk.example.org/community-justice")));
        var overview = await client.GetDocumentAsync(saved.Response.Headers.Location!.OriginalString);
        var publicAfter = await reader.GetDocumentAsync($"/partnerships/{Partnership}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("The details have been saved", overview.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.DoesNotContain("https://falkirk.example.org/community-justice", publicBefore.Document.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.NotNull(publicAfter.Document.QuerySelector("a[href='https://falkirk.example.org/community-justice']"));
        var history = await fixture.WithDbContextAsync(db => db.AuditEntries.Where(a => a.Field == "Website").ToListAsync());
        var entry = Assert.Single(history);
        Assert.Equal("Partnership", entry.Entity);
        Assert.Equal(before, entry.OldValue);
        Assert.Equal("https://falkirk.example.org/community-justice", entry.NewValue);
        Assert.StartsWith("manage-", entry.UserEmail, StringComparison.Ordinal);
        Assert.Equal(fixture.Clock.GetUtcNow(), entry.OccurredAt);
    }

    [Theory]
    [InlineData("http://falkirk.example.org", "Website")]
    [InlineData("falkirk.example.org", "Website")]
    public async Task Post_WebsiteNotHttps_Returns400WithErrorOnField(string website, string field)
    {
        // Arrange
        using var client = await CoordinatorAsync(fixture);
        var form = await client.GetDocumentAsync(Url);

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("Website", website)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("https://", page.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Contains("https://", page.One($"#{field}-error").TextOf(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory]
    [InlineData("http://falkirk.example.org/", "Enter the website as a full address starting with https://, like https://www.example.org")]
    [InlineData("https://falkirk.example.org/", "The website address must be 500 characters or fewer")]
    public async Task Post_WebsiteTooLong_ShowsOneMessageHttpsFirst(string start, string message)
    {
        // Arrange
        using var client = await CoordinatorAsync(fixture);
        var form = await client.GetDocumentAsync(Url);

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("Website", start + new string('a', 500))));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(message, Assert.Single(page.Document.QuerySelectorAll(".ds_error-summary li")).TextOf());
        HtmlAssertions.AssertFieldError(page.Document, "Website", message);
    }

    [Fact]
    public async Task Post_GovernanceNotesTooLong_Returns400WithErrorOnField()
    {
        // Arrange
        using var client = await CoordinatorAsync(fixture);
        var form = await client.GetDocumentAsync(Url);

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("GovernanceNotes", new string('a', 4001))));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("4000 characters", page.One("#GovernanceNotes-error").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_VacantWithFallbackContactOfAnotherPartnership_Returns400()
    {
        // Arrange
        using var client = await CoordinatorAsync(fixture);
        var otherContact = await fixture.WithDbContextAsync(db => db.Contacts.Where(c => c.Partnership.Slug == OtherPartnership).Select(c => c.Id).FirstAsync());
        var form = await client.GetDocumentAsync(Url);

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("CoordinatorPostVacant", "true"), ("FallbackContactId", otherContact.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.NotNull(page.One("#FallbackContactId-error"));
        Assert.False(await fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == Partnership).Select(p => p.CoordinatorPostVacant).SingleAsync()));
    }

    [Fact]
    public async Task Post_VacantWithOwnFallbackContact_SavesAndShowsFallbackAsMainContact()
    {
        // Arrange
        using var client = await CoordinatorAsync(fixture);
        var contact = await fixture.WithDbContextAsync(db => db.Contacts
            .Where(c => c.Partnership.Slug == Partnership && !c.IsCoordinator && c.IsPublished).Select(c => new { c.Id, c.Name }).FirstAsync());
        var form = await client.GetDocumentAsync(Url);

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("CoordinatorPostVacant", "true"), ("FallbackContactId", contact.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == Partnership).Select(p => new { p.CoordinatorPostVacant, p.FallbackContactId }).SingleAsync());
        Assert.True(stored.CoordinatorPostVacant);
        Assert.Equal(contact.Id, stored.FallbackContactId);
        Assert.Equal(2, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync(a => a.Field == "CoordinatorPostVacant" || a.Field == "FallbackContactId")));
    }

    [Fact]
    public async Task Post_SecondSaveFromStaleForm_Returns409ShowingOtherChangeAndKeepsFirstValue()
    {
        // Arrange: two people open the form, the first saves
        using var first = await CoordinatorAsync(fixture);
        using var second = await SignInAsync(fixture, CjpPortal.Core.Identity.Roles.CjsStaff);
        var firstForm = await first.GetDocumentAsync(Url);
        var secondForm = await second.GetDocumentAsync(Url);
        var firstSave = await first.SubmitAsync(firstForm, EditForms.Filled(firstForm, ("Website", "https://first.example.org")));

        // Act
        var secondSave = await second.SubmitAsync(secondForm, EditForms.Filled(secondForm, ("Website", "https://second.example.org")));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        Assert.Contains("Someone else saved changes", secondSave.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        var conflicts = secondSave.One("#conflicts").TextOf();
        Assert.Contains("https://first.example.org", conflicts, StringComparison.Ordinal);
        Assert.Contains("you entered “https://second.example.org”", conflicts, StringComparison.Ordinal);
        Assert.Equal("https://first.example.org", await fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == Partnership).Select(p => p.Website).SingleAsync()));
        Assert.Equal(1, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync(a => a.Field == "Website")));
    }

    [Fact]
    public async Task Post_AfterConflictSavingAgain_Succeeds()
    {
        // Arrange
        using var first = await CoordinatorAsync(fixture);
        using var second = await CoordinatorAsync(fixture);
        var firstForm = await first.GetDocumentAsync(Url);
        var secondForm = await second.GetDocumentAsync(Url);
        await first.SubmitAsync(firstForm, EditForms.Filled(firstForm, ("Website", "https://first.example.org")));
        var refused = await second.SubmitAsync(secondForm, EditForms.Filled(secondForm, ("Website", "https://second.example.org")));

        // Act
        var retried = await second.SubmitAsync(refused, EditForms.Filled(refused, ("Website", "https://second.example.org")));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal("https://second.example.org", await fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == Partnership).Select(p => p.Website).SingleAsync()));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400AndChangesNothing()
    {
        // Arrange
        using var client = await CoordinatorAsync(fixture);
        var version = await VersionAsync(fixture);

        // Act
        var page = await client.PostFormAsync(Url, Fields(("Website", "https://forged.example.org"), ("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(version, await VersionAsync(fixture));
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value);
}

using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>/manage/partnerships/{slug}/contacts: a published contact can be reached; removing asks first; the list
/// says what order the public page uses; history words moves as a coordinator would.</summary>
public sealed class ContactRulesTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Slug = "falkirk";
    private const string ListUrl = $"/manage/partnerships/{Slug}/contacts";

    private async Task<HttpClient> CoordinatorAsync(string slug = Slug)
    {
        var user = await Fixture.CreateUserAsync(Roles.Coordinator, slug);
        return Fixture.CreateClientAs(user.Id);
    }

    [Fact]
    public async Task Post_NewPublishedContactWithoutEmailOrPhone_Returns400WithErrorOnEmailAndSavesNothing()
    {
        // Arrange
        using var client = await CoordinatorAsync();
        var form = await client.GetDocumentAsync($"{ListUrl}/new");

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("Name", "Morag Sinclair"), ("Role", "Officer"), ("Email", ""), ("Phone", ""), ("IsPublished", "true")));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("email address or a telephone number", page.One("#Email-error").TextOf(), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector(".ds_error-summary a[href='#Email']"));
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Post_NewHiddenContactWithoutEmailOrPhone_IsSaved()
    {
        // Arrange
        using var client = await CoordinatorAsync();
        var form = await client.GetDocumentAsync($"{ListUrl}/new");
        var values = EditForms.Filled(form, ("Name", "Morag Sinclair"), ("Role", "Officer"), ("Email", ""), ("Phone", ""));
        values.Remove("IsPublished");

        // Act
        var page = await client.SubmitAsync(form, values);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.False(await Fixture.WithDbContextAsync(db => db.Contacts.Select(c => c.IsPublished).SingleAsync()));
    }

    [Fact]
    public async Task Post_PublishContactWithoutEmailOrPhone_Returns400AndKeepsItHidden()
    {
        // Arrange
        var contact = await Fixture.CreateContactAsync(Slug, "Morag Sinclair", "Officer", isPublished: false, email: null);
        using var client = await CoordinatorAsync();
        var list = await client.GetDocumentAsync(ListUrl);

        // Act
        var page = await client.ClickAsync(list, $"#contact-{contact.Id} button[formaction*='handler=Publish']");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("email address or a telephone number", page.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.False(await Fixture.WithDbContextAsync(db => db.Contacts.Select(c => c.IsPublished).SingleAsync()));
    }

    [Fact]
    public async Task Get_ListsRemove_LeadsToAConfirmationPageSayingWhoAndWhatHappens()
    {
        // Arrange
        var contact = await Fixture.CreateContactAsync(Slug, "Morag Sinclair", "Officer");
        using var client = await CoordinatorAsync();
        var list = await client.GetDocumentAsync(ListUrl);

        // Act
        var link = list.One($"#contact-{contact.Id} a[href$='/remove']");
        var confirm = await client.GetDocumentAsync(link.GetAttribute("href")!);

        // Assert
        Assert.Null(list.Document.QuerySelector($"#contact-{contact.Id} button[formaction*='handler=Remove']"));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Morag Sinclair", confirm.One("h1").TextOf(), StringComparison.Ordinal);
        Assert.Contains("history", confirm.One("main").TextOf(), StringComparison.Ordinal);
        Assert.Equal(1, await Fixture.WithDbContextAsync(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Post_RemoveConfirmed_RemovesTheContactAndRecordsHistory()
    {
        // Arrange
        var contact = await Fixture.CreateContactAsync(Slug, "Morag Sinclair", "Officer");
        using var client = await CoordinatorAsync();
        var confirm = await client.GetDocumentAsync($"{ListUrl}/{contact.Id}/remove");

        // Act
        var done = await client.SubmitAsync(confirm, new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(ListUrl, done.Response.Headers.Location?.OriginalString);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.Contacts.CountAsync()));
        Assert.True(await Fixture.WithDbContextAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Contact" && a.EntityId == contact.Id && a.Field == "Name" && a.OldValue == "Morag Sinclair" && a.NewValue == null)));
    }

    [Fact]
    public async Task Post_RemoveTheFallbackWhilePostVacant_Returns400AndKeepsIt()
    {
        // Arrange
        var contact = await Fixture.CreateContactAsync(Slug, "Morag Sinclair", "Officer");
        await Fixture.SetCoordinatorPostAsync(Slug, vacant: true, contact.Id);
        using var client = await CoordinatorAsync();
        var confirm = await client.GetDocumentAsync($"{ListUrl}/{contact.Id}/remove");

        // Act
        var page = await client.SubmitAsync(confirm, new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("fallback contact", page.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Equal(1, await Fixture.WithDbContextAsync(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Get_RemoveAnotherPartnershipsContact_Returns404()
    {
        // Arrange
        var other = await Fixture.CreateContactAsync("orkney", "Orkney Person", "Officer");
        using var client = await CoordinatorAsync();

        // Act
        var page = await client.GetDocumentAsync($"{ListUrl}/{other.Id}/remove");
        var post = await client.PostFormAsync($"{ListUrl}/{other.Id}/remove", []);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(1, await Fixture.WithDbContextAsync(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Get_List_SaysTheCoordinatorIsAlwaysShownFirst()
    {
        // Arrange
        await Fixture.CreateContactAsync(Slug, "Morag Sinclair", "Officer");
        using var client = await CoordinatorAsync();

        // Act
        var list = await client.GetDocumentAsync(ListUrl);

        // Assert
        Assert.Contains("coordinator is always shown first", list.One("main").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MoveUp_HistorySaysMovedToTheTopAndMovedBelow()
    {
        // Arrange
        var first = await Fixture.CreateContactAsync(Slug, "Anna First", "Officer");
        await Fixture.CreateContactAsync(Slug, "Ben Second", "Officer");
        var third = await Fixture.CreateContactAsync(Slug, "Cara Third", "Officer");
        using var client = await CoordinatorAsync();
        var list = await client.GetDocumentAsync(ListUrl);
        list = await client.GetDocumentAsync((await client.ClickAsync(list, $"#contact-{third.Id} button[formaction*='handler=MoveUp']")).Response.Headers.Location!.OriginalString);

        // Act: Anna, Cara, Ben; then Anna moves down below Cara
        await client.ClickAsync(list, $"#contact-{first.Id} button[formaction*='handler=MoveDown']");
        var history = await client.GetDocumentAsync($"/manage/partnerships/{Slug}/history");

        // Assert
        var rows = history.Document.QuerySelectorAll("#history tbody tr").Select(r => r.TextOf()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Contact: Anna First Place in the list At the top Moved below Cara Third", rows[0], StringComparison.Ordinal);
        Assert.Contains("Contact: Cara Third Place in the list Below Ben Second Moved below Anna First", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Position", history.One("#history").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MoveToTheTop_HistorySaysMovedToTheTop()
    {
        // Arrange
        await Fixture.CreateContactAsync(Slug, "Anna First", "Officer");
        var second = await Fixture.CreateContactAsync(Slug, "Ben Second", "Officer");
        using var client = await CoordinatorAsync();
        var list = await client.GetDocumentAsync(ListUrl);

        // Act
        await client.ClickAsync(list, $"#contact-{second.Id} button[formaction*='handler=MoveUp']");
        var history = await client.GetDocumentAsync($"/manage/partnerships/{Slug}/history");

        // Assert
        var rows = history.Document.QuerySelectorAll("#history tbody tr").Select(r => r.TextOf()).ToList();
        var row = Assert.Single(rows);
        Assert.Contains("Ben Second", row, StringComparison.Ordinal);
        Assert.Contains("Moved to the top", row, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;
using Contact = CjpPortal.Core.Domain.Contact;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>/manage/partnerships/{slug}/contacts: add, edit, publish or hide, remove, reorder; validation and history.</summary>
[Collection(PortalCollection.Name)]
public sealed class ContactsTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string ListUrl = $"/manage/partnerships/{Partnership}/contacts";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Post_AddContact_SavesItLastAndRecordsHistory()
    {
        // Arrange
        using var client = await CoordinatorAsync(fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/new");

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form,
            ("Name", "Morag Sinclair"), ("Role", "Development officer"), ("Email", "morag@falkirk.example.org"), ("Phone", "01324 506000")));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var added = await fixture.WithDbContextAsync(db => db.Contacts.Where(c => c.Partnership.Slug == Partnership).OrderBy(c => c.DisplayOrder).LastAsync());
        Assert.Equal(("Morag Sinclair", "01324 506000", true), (added.Name, added.Phone, added.IsPublished));
        Assert.True(await fixture.WithDbContextAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Contact" && a.EntityId == added.Id && a.Field == "Name" && a.NewValue == "Morag Sinclair")));
    }

    [Theory]
    [InlineData("Phone", "not a number", "UK telephone number")]
    [InlineData("Phone", "+1 202 555 0100", "UK telephone number")]
    [InlineData("Email", "morag@", "correct format")]
    [InlineData("Name", "", "Enter the contact’s name")]
    [InlineData("Role", "", "Enter the contact’s role")]
    public async Task Post_InvalidField_Returns400WithErrorOnField(string field, string value, string message)
    {
        // Arrange
        var contact = await ContactAsync();
        using var client = await CoordinatorAsync(fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{contact.Id}");

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, (field, value)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(message, page.One($"#{field}-error").TextOf(), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($".ds_error-summary a[href='#{field}']"));
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Post_Hide_RemovesContactFromPublicPageAndRecordsHistory()
    {
        // Arrange
        var contact = await ContactAsync();
        await DataReset.EvictCachesAsync(fixture.AccountsFactory().Services);
        using var reader = fixture.CreateAccountsClient();
        var publicBefore = await reader.GetDocumentAsync($"/partnerships/{Partnership}");
        using var client = await CoordinatorAsync(fixture);
        var list = await client.GetDocumentAsync(ListUrl);

        // Act
        var done = await client.ClickAsync(list, $"#contact-{contact.Id} button[formaction*='handler=Hide']");
        var publicAfter = await reader.GetDocumentAsync($"/partnerships/{Partnership}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains(contact.Name, publicBefore.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(contact.Name, publicAfter.Text, StringComparison.Ordinal);
        var entry = await fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync(a => a.Field == "IsPublished"));
        Assert.Equal(("yes", "no"), (entry.OldValue, entry.NewValue));
    }

    [Fact]
    public async Task Post_Remove_DeletesContactAndRecordsOldValues()
    {
        // Arrange
        var contact = await ContactAsync();
        using var client = await CoordinatorAsync(fixture);
        var confirm = await client.GetDocumentAsync($"{ListUrl}/{contact.Id}/remove");

        // Act
        var done = await client.SubmitAsync(confirm, new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.False(await fixture.WithDbContextAsync(db => db.Contacts.AnyAsync(c => c.Id == contact.Id)));
        var entry = await fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == contact.Id && a.Field == "Name"));
        Assert.Equal((contact.Name, (string?)null), (entry.OldValue, entry.NewValue));
    }

    [Fact]
    public async Task Post_RemoveFallbackContactOfVacantPost_Returns400AndKeepsContact()
    {
        // Arrange
        var contact = await ContactAsync();
        await fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == Partnership)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CoordinatorPostVacant, true).SetProperty(p => p.FallbackContactId, contact.Id)));
        using var client = await CoordinatorAsync(fixture);
        var confirm = await client.GetDocumentAsync($"{ListUrl}/{contact.Id}/remove");

        // Act
        var page = await client.SubmitAsync(confirm, new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("fallback contact", page.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.True(await fixture.WithDbContextAsync(db => db.Contacts.AnyAsync(c => c.Id == contact.Id)));
    }

    [Fact]
    public async Task Post_SecondSaveFromStaleContactForm_Returns409AndKeepsFirstValue()
    {
        // Arrange
        var contact = await ContactAsync();
        using var first = await CoordinatorAsync(fixture);
        using var second = await SignInAsync(fixture, Roles.CjsStaff);
        var firstForm = await first.GetDocumentAsync($"{ListUrl}/{contact.Id}");
        var secondForm = await second.GetDocumentAsync($"{ListUrl}/{contact.Id}");
        await first.SubmitAsync(firstForm, EditForms.Filled(firstForm, ("Phone", "01324 111111")));

        // Act
        var refused = await second.SubmitAsync(secondForm, EditForms.Filled(secondForm, ("Phone", "01324 222222")));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("“01324 111111” (you entered “01324 222222”)", refused.One("#conflicts").TextOf(), StringComparison.Ordinal);
        Assert.Equal("01324 111111", await fixture.WithDbContextAsync(db => db.Contacts.Where(c => c.Id == contact.Id).Select(c => c.Phone).SingleAsync()));
    }

    [Theory]
    [InlineData("real%40falkirk.gov.uk?cc=attacker@evil.example")]
    [InlineData("\"<a href=x>click</a>\"@falkirk.gov.uk")]
    public async Task Post_AddContactWithEmailThatRewritesMailtoLinks_Returns400AndSavesNothing(string email)
    {
        // Arrange
        using var client = await CoordinatorAsync(fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/new");
        var before = await fixture.WithDbContextAsync(db => db.Contacts.CountAsync());

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("Name", "Morag Sinclair"), ("Role", "Development officer"), ("Email", email)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("correct format", page.One("#Email-error").TextOf(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.WithDbContextAsync(db => db.Contacts.CountAsync()));
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Post_EditContactWithMixedCaseEmail_StoresAndShowsItInLowerCase()
    {
        // Arrange
        var contact = await ContactAsync();
        using var client = await CoordinatorAsync(fixture);
        var form = await client.GetDocumentAsync($"{ListUrl}/{contact.Id}");

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("Email", " Morag.Sinclair@Falkirk.GOV.uk ")));
        await DataReset.EvictCachesAsync(fixture.AccountsFactory().Services);
        var shown = await client.GetDocumentAsync($"/partnerships/{Partnership}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("morag.sinclair@falkirk.gov.uk", await fixture.WithDbContextAsync(db => db.Contacts.Where(c => c.Id == contact.Id).Select(c => c.Email).SingleAsync()));
        Assert.NotNull(shown.Document.QuerySelector("a[href='mailto:morag.sinclair@falkirk.gov.uk']"));
    }

    private Task<Contact> ContactAsync() => fixture.WithDbContextAsync(db => db.Contacts.AsNoTracking()
        .FirstAsync(c => c.Partnership.Slug == Partnership && c.IsPublished && !c.IsCoordinator));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

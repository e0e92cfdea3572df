using System.Globalization;
using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>Who the public page names while the coordinator post is vacant (or the coordinator is hidden), and the
/// fallback contact chosen on /manage/partnerships/{slug}/details.</summary>
public sealed class FallbackContactTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Slug = "falkirk";
    private const string DetailsUrl = $"/manage/partnerships/{Slug}/details";
    private const string PublicUrl = $"/partnerships/{Slug}";

    private async Task<HttpClient> CoordinatorAsync()
    {
        var user = await Fixture.CreateUserAsync(Roles.Coordinator, Slug);
        return Fixture.CreateClientAs(user.Id);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Post_HiddenContactAsFallbackWhilePostVacant_Returns400WithErrorOnFieldAndSavesNothing()
    {
        // Arrange
        var hidden = await Fixture.CreateContactAsync(Slug, "Hidden Person", "Officer", isPublished: false);
        using var client = await CoordinatorAsync();
        var form = await client.GetDocumentAsync(DetailsUrl);

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("CoordinatorPostVacant", "true"), ("FallbackContactId", Id(hidden.Id))));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("shown on the public page", page.One("#FallbackContactId-error").TextOf(), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector(".ds_error-summary a[href='#FallbackContactId']"));
        var stored = await Fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == Slug).Select(p => new { p.CoordinatorPostVacant, p.FallbackContactId }).SingleAsync());
        Assert.Equal(new { CoordinatorPostVacant = false, FallbackContactId = (int?)null }, stored);
    }

    [Fact]
    public async Task Get_Details_OffersOnlyPublishedContactsAsFallback()
    {
        // Arrange
        var shown = await Fixture.CreateContactAsync(Slug, "Shown Person", "Officer");
        var hidden = await Fixture.CreateContactAsync(Slug, "Hidden Person", "Officer", isPublished: false);
        using var client = await CoordinatorAsync();

        // Act
        var form = await client.GetDocumentAsync(DetailsUrl);

        // Assert
        Assert.NotNull(form.Document.QuerySelector($"#FallbackContactId option[value='{shown.Id}']"));
        Assert.Null(form.Document.QuerySelector($"#FallbackContactId option[value='{hidden.Id}']"));
    }

    [Fact]
    public async Task Get_PublicPageWhilePostVacantAndFallbackHidden_NamesNoOtherContact()
    {
        // Arrange: a fallback hidden after it was chosen, and another published contact
        await Fixture.CreateContactAsync(Slug, "Sam Sample", "Officer");
        var hidden = await Fixture.CreateContactAsync(Slug, "Hidden Person", "Officer", isPublished: false);
        await Fixture.SetCoordinatorPostAsync(Slug, vacant: true, hidden.Id);
        await Fixture.EvictCachesAsync();

        // Act
        var page = await Fixture.CreateClient().GetDocumentAsync(PublicUrl);

        // Assert
        var main = page.One("#main-contact").TextOf();
        Assert.DoesNotContain("Sam Sample", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Person", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact Sam Sample instead", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FallbackChosenWhilePostFilled_IsKeptAndTheFormSaysItAppliesOnlyWhileVacant()
    {
        // Arrange
        var officer = await Fixture.CreateContactAsync(Slug, "Sam Sample", "Officer");
        using var client = await CoordinatorAsync();
        var form = await client.GetDocumentAsync(DetailsUrl);

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("FallbackContactId", Id(officer.Id))));
        var again = await client.GetDocumentAsync(DetailsUrl);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(officer.Id, await Fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == Slug).Select(p => p.FallbackContactId).SingleAsync()));
        Assert.Equal(Id(officer.Id), again.One("#FallbackContactId option[selected]").GetAttribute("value"));
        Assert.Contains("only while the coordinator post is vacant", again.One("#FallbackContactId-hint").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PublicPageWithCoordinatorHiddenWhilePostFilled_DoesNotLabelTheNextContactAsVacancyCover()
    {
        // Arrange
        await Fixture.CreateContactAsync(Slug, "Alex Example", "Community Justice Coordinator", isCoordinator: true, isPublished: false);
        await Fixture.CreateContactAsync(Slug, "Sam Sample", "Officer");
        await Fixture.EvictCachesAsync();

        // Act
        var page = await Fixture.CreateClient().GetDocumentAsync(PublicUrl);

        // Assert
        var main = page.One("#main-contact").TextOf();
        Assert.Contains("Sam Sample", main, StringComparison.Ordinal);
        Assert.DoesNotContain("vacant", page.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_PublicPageWithCoordinator_SaysCommunityJusticeCoordinatorOnce()
    {
        // Arrange
        await Fixture.CreateContactAsync(Slug, "Alex Example", "Community Justice Coordinator", isCoordinator: true);
        await Fixture.EvictCachesAsync();

        // Act
        var page = await Fixture.CreateClient().GetDocumentAsync(PublicUrl);

        // Assert
        var main = page.One("#main-contact").TextOf();
        Assert.Contains("Alex Example", main, StringComparison.Ordinal);
        Assert.Single(main.Split("Community Justice Coordinator").Skip(1));
    }

    [Fact]
    public async Task Post_HideTheFallbackWhilePostVacant_Returns400AndKeepsItPublished()
    {
        // Arrange
        var fallback = await Fixture.CreateContactAsync(Slug, "Sam Sample", "Officer");
        await Fixture.SetCoordinatorPostAsync(Slug, vacant: true, fallback.Id);
        using var client = await CoordinatorAsync();
        var list = await client.GetDocumentAsync($"/manage/partnerships/{Slug}/contacts");

        // Act
        var page = await client.ClickAsync(list, $"#contact-{fallback.Id} button[formaction*='handler=Hide']");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("fallback contact", page.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.True(await Fixture.WithDbContextAsync(db => db.Contacts.Where(c => c.Id == fallback.Id).Select(c => c.IsPublished).SingleAsync()));
    }

    [Fact]
    public async Task Post_EditFormHidingTheFallbackWhilePostVacant_Returns400AndKeepsItPublished()
    {
        // Arrange
        var fallback = await Fixture.CreateContactAsync(Slug, "Sam Sample", "Officer");
        await Fixture.SetCoordinatorPostAsync(Slug, vacant: true, fallback.Id);
        using var client = await CoordinatorAsync();
        var form = await client.GetDocumentAsync($"/manage/partnerships/{Slug}/contacts/{fallback.Id}");
        var values = EditForms.Filled(form);
        values.Remove("IsPublished");

        // Act
        var page = await client.SubmitAsync(form, values);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("fallback contact", page.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.True(await Fixture.WithDbContextAsync(db => db.Contacts.Where(c => c.Id == fallback.Id).Select(c => c.IsPublished).SingleAsync()));
    }
}

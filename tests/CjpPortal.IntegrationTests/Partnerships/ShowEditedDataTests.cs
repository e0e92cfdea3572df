using System.Net;
using CjpPortal.Core.Domain;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Partnerships;

/// <summary>Partnership pages after coordinators' edits; each test resets the demo data afterwards.</summary>
[Collection(PortalCollection.Name)]
public sealed class ShowEditedDataTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string ScriptName = "<script>alert('name')</script>";
    private const string ImageDescription = "<img src=x onerror=alert('description')>";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/partnerships/falkirk")]
    [InlineData("/directory")]
    public async Task Get_TextContainingMarkup_IsShownAsText(string url)
    {
        // Arrange
        await fixture.WithDbContextAsync(async db =>
        {
            var coordinator = await db.Contacts.SingleAsync(c => c.Partnership.Slug == "falkirk" && c.IsCoordinator);
            coordinator.Name = ScriptName;
            var forum = await db.EngagementRoutes.SingleAsync(r => r.Partnership.Slug == "falkirk" && r.Kind == EngagementRouteKind.LocalForum);
            forum.Title = ImageDescription;
            forum.Description = ImageDescription;
            await db.SaveChangesAsync();
        });
        await fixture.EvictCachesAsync();

        // Act
        var page = await fixture.Client.GetDocumentAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(ScriptName, page.Text, StringComparison.Ordinal);
        Assert.Contains(ImageDescription, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.Empty(page.Document.QuerySelectorAll("[onerror]"));
    }

    /// <summary>Addresses saved before the e-mail rule was tightened (or written straight to the database) are shown as
    /// text, never as a mailto: link that could add recipients, headers or a body.</summary>
    [Theory]
    [InlineData("/partnerships/falkirk")]
    [InlineData("/directory")]
    public async Task Get_StoredEmailThatWouldRewriteAMailtoLink_IsShownWithoutALink(string url)
    {
        // Arrange
        const string Legacy = "real%40falkirk.gov.uk?cc=attacker@evil.example";
        await fixture.WithDbContextAsync(async db =>
        {
            var coordinator = await db.Contacts.SingleAsync(c => c.Partnership.Slug == "falkirk" && c.IsCoordinator);
            coordinator.Email = Legacy;
            var forum = await db.EngagementRoutes.SingleAsync(r => r.Partnership.Slug == "falkirk" && r.Kind == EngagementRouteKind.LocalForum);
            forum.ContactEmail = Legacy;
            await db.SaveChangesAsync();
        });
        await fixture.EvictCachesAsync();

        // Act
        var page = await fixture.Client.GetDocumentAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(Legacy, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("a[href^='mailto:']"), a => a.GetAttribute("href")!.Contains("evil", StringComparison.Ordinal));
        Assert.NotEmpty(page.Document.QuerySelectorAll("a[href^='mailto:']"));
    }

    [Fact]
    public async Task Get_CoordinatorUnpublished_ShowsAnotherContactFirst()
    {
        // Arrange
        var officer = await fixture.WithDbContextAsync(async db =>
        {
            var contacts = await db.Contacts.Where(c => c.Partnership.Slug == "falkirk").ToListAsync();
            contacts.Single(c => c.IsCoordinator).IsPublished = false;
            await db.SaveChangesAsync();
            return contacts.Single(c => !c.IsCoordinator);
        });
        await fixture.EvictCachesAsync();

        // Act
        var page = await fixture.Client.GetDocumentAsync("/partnerships/falkirk");

        // Assert
        Assert.Contains(officer.Name, page.One("#main-contact").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoContactsAtAll_ShowsThirdSectorInterfaceFirst()
    {
        // Arrange
        await fixture.WithDbContextAsync(async db =>
        {
            await db.Partnerships.Where(p => p.Slug == "falkirk").ExecuteUpdateAsync(s => s.SetProperty(p => p.FallbackContactId, (int?)null));
            await db.Contacts.Where(c => c.Partnership.Slug == "falkirk").ExecuteDeleteAsync();
        });
        await fixture.EvictCachesAsync();

        // Act
        var page = await fixture.Client.GetDocumentAsync("/partnerships/falkirk");

        // Assert
        var main = page.One("#main-contact").TextOf();
        Assert.Contains("Falkirk Third Sector Interface", main, StringComparison.Ordinal);
        Assert.Contains("Third Sector Interface", main, StringComparison.Ordinal);
    }
}

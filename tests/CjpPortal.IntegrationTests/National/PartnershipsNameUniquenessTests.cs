using System.Net;
using CjpPortal.IntegrationTests.Manage;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.National;

/// <summary>/national/partnerships/{slug}/name when only the database's case-insensitive unique index sees that the
/// name is taken, as when another rename lands between the page's check and its save.</summary>
[Collection(PortalCollection.Name)]
public sealed class PartnershipsNameUniquenessTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string Slug = "falkirk";
    private const string SeededName = "Falkirk Community Justice Partnership";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Post_NameTheIndexFindsTaken_Returns400WithErrorOnFieldAndSavesNothing()
    {
        // Arrange: a full-width "Ｆ" passes the page's ordinal case-insensitive check, but the index compares as ICU
        // does, where it is the same letter as "F" or "f", so only the save finds Fife's name taken
        const string name = "Ｆife Community Justice Partnership";
        using var client = await PartnershipsTests.StaffAsync(fixture);
        var form = await client.GetDocumentAsync($"/national/partnerships/{Slug}/name");

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("Name", name)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "Name", $"Another partnership is already called “{name}”");
        Assert.Equal(SeededName, await fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == Slug).Select(p => p.Name).SingleAsync()));
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }
}

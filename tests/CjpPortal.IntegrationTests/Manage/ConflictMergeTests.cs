using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>Two people editing the same record: a save is refused (409) only for the fields both changed to different
/// values; fields this person did not touch take what the other saved.</summary>
public sealed class ConflictMergeTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Slug = "falkirk";
    private const string DetailsUrl = $"/manage/partnerships/{Slug}/details";

    private async Task<HttpClient> SignInAsync(string role, params string[] slugs)
    {
        var user = await Fixture.CreateUserAsync(role, slugs);
        return Fixture.CreateClientAs(user.Id);
    }

    private Task<(string? Name, string? Website, string? GovernanceNotes)> StoredAsync() =>
        Fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == Slug)
            .Select(p => new ValueTuple<string?, string?, string?>(p.Name, p.Website, p.GovernanceNotes)).SingleAsync());

    [Fact]
    public async Task Post_DetailsAfterCjsStaffRenamedThePartnership_SavesWithoutConflict()
    {
        // Arrange: the coordinator opens the details form; CJS staff rename the partnership meanwhile
        using var coordinator = await SignInAsync(Roles.Coordinator, Slug);
        using var staff = await SignInAsync(Roles.CjsStaff);
        var details = await coordinator.GetDocumentAsync(DetailsUrl);
        var rename = await staff.GetDocumentAsync($"/national/partnerships/{Slug}/name");
        var renamed = await staff.SubmitAsync(rename, EditForms.Filled(rename, ("Name", "Falkirk Justice Partnership")));

        // Act
        var saved = await coordinator.SubmitAsync(details, EditForms.Filled(details, ("Website", "https://falkirk.example.org")));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(("Falkirk Justice Partnership", "https://falkirk.example.org", (string?)null), await StoredAsync());
    }

    [Fact]
    public async Task Post_DetailsAfterOtherChangedAnotherField_KeepsTheirValueAndSavesMine()
    {
        // Arrange
        using var first = await SignInAsync(Roles.Coordinator, Slug);
        using var second = await SignInAsync(Roles.Coordinator, Slug);
        var firstForm = await first.GetDocumentAsync(DetailsUrl);
        var secondForm = await second.GetDocumentAsync(DetailsUrl);
        await first.SubmitAsync(firstForm, EditForms.Filled(firstForm, ("GovernanceNotes", "Meets quarterly")));

        // Act
        var saved = await second.SubmitAsync(secondForm, EditForms.Filled(secondForm, ("Website", "https://falkirk.example.org")));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await StoredAsync();
        Assert.Equal(("https://falkirk.example.org", "Meets quarterly"), (stored.Website, stored.GovernanceNotes));
    }

    [Fact]
    public async Task Post_DetailsBothChangedTheSameField_Returns409ListingOnlyThatFieldAndShowingTheirOtherValues()
    {
        // Arrange
        using var first = await SignInAsync(Roles.Coordinator, Slug);
        using var second = await SignInAsync(Roles.Coordinator, Slug);
        var firstForm = await first.GetDocumentAsync(DetailsUrl);
        var secondForm = await second.GetDocumentAsync(DetailsUrl);
        await first.SubmitAsync(firstForm, EditForms.Filled(firstForm, ("Website", "https://first.example.org"), ("GovernanceNotes", "Meets quarterly")));

        // Act
        var refused = await second.SubmitAsync(secondForm, EditForms.Filled(secondForm, ("Website", "https://second.example.org")));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var conflicts = refused.Document.QuerySelectorAll("#conflicts li").Select(li => li.TextOf()).ToList();
        var only = Assert.Single(conflicts);
        Assert.Contains("https://first.example.org", only, StringComparison.Ordinal);
        Assert.Equal("Meets quarterly", refused.One("#GovernanceNotes").TextContent.Trim());
        Assert.Equal(("https://first.example.org", "Meets quarterly"), ((await StoredAsync()).Website, (await StoredAsync()).GovernanceNotes));
    }

    [Fact]
    public async Task Post_ContactAfterOtherChangedAnotherField_KeepsTheirValueAndSavesMine()
    {
        // Arrange
        var contact = await Fixture.CreateContactAsync(Slug, "Morag Sinclair", "Officer");
        using var first = await SignInAsync(Roles.Coordinator, Slug);
        using var second = await SignInAsync(Roles.Coordinator, Slug);
        var url = $"/manage/partnerships/{Slug}/contacts/{contact.Id}";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);
        await first.SubmitAsync(firstForm, EditForms.Filled(firstForm, ("Phone", "01324 506000")));

        // Act
        var saved = await second.SubmitAsync(secondForm, EditForms.Filled(secondForm, ("Role", "Development officer")));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await Fixture.WithDbContextAsync(db => db.Contacts.Where(c => c.Id == contact.Id).Select(c => new { c.Role, c.Phone }).SingleAsync());
        Assert.Equal(new { Role = "Development officer", Phone = (string?)"01324 506000" }, stored);
    }

    [Fact]
    public async Task Post_RouteBothChangedTheSameField_Returns409ListingOnlyThatField()
    {
        // Arrange
        var route = await Fixture.CreateRouteAsync(Slug, "Falkirk Forum");
        using var first = await SignInAsync(Roles.Coordinator, Slug);
        using var second = await SignInAsync(Roles.Coordinator, Slug);
        var url = $"/manage/partnerships/{Slug}/routes/{route.Id}";
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);
        await first.SubmitAsync(firstForm, EditForms.Filled(firstForm, ("Description", "Monthly"), ("HowToJoin", "E-mail the chair")));

        // Act
        var refused = await second.SubmitAsync(secondForm, EditForms.Filled(secondForm, ("Description", "Every month")));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var only = Assert.Single(refused.Document.QuerySelectorAll("#conflicts li").Select(li => li.TextOf()));
        Assert.Contains("Monthly", only, StringComparison.Ordinal);
        Assert.Equal("E-mail the chair", refused.One("#HowToJoin").TextContent.Trim());
    }

    /// <summary>The edit form of Falkirk's Third Sector Interface, after a first save has created it.</summary>
    private async Task<string> TsiUrlAsync(HttpClient client)
    {
        var areaId = await Fixture.WithDbContextAsync(db => db.CouncilAreas.Where(a => a.Partnership.Slug == Slug).Select(a => a.Id).SingleAsync());
        var url = $"/manage/partnerships/{Slug}/tsis/{areaId}";
        var form = await client.GetDocumentAsync(url);
        var created = await client.SubmitAsync(form, EditForms.Filled(form, ("Name", "Falkirk Third Sector Interface"), ("Email", "info@falkirk-tsi.example.org")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return url;
    }

    [Fact]
    public async Task Post_TsiAfterOtherChangedAnotherField_KeepsTheirValueAndSavesMine()
    {
        // Arrange
        using var first = await SignInAsync(Roles.Coordinator, Slug);
        using var second = await SignInAsync(Roles.Coordinator, Slug);
        var url = await TsiUrlAsync(first);
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);
        await first.SubmitAsync(firstForm, EditForms.Filled(firstForm, ("Phone", "01324 506000")));

        // Act
        var saved = await second.SubmitAsync(secondForm, EditForms.Filled(secondForm, ("Website", "https://falkirk-tsi.example.org")));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await Fixture.WithDbContextAsync(db => db.ThirdSectorInterfaces.Where(t => t.CouncilArea.Partnership.Slug == Slug)
            .Select(t => new { t.Website, t.Phone }).SingleAsync());
        Assert.Equal(new { Website = (string?)"https://falkirk-tsi.example.org", Phone = (string?)"01324 506000" }, stored);
    }

    [Fact]
    public async Task Post_TsiBothChangedTheSameField_Returns409ListingOnlyThatField()
    {
        // Arrange
        using var first = await SignInAsync(Roles.Coordinator, Slug);
        using var second = await SignInAsync(Roles.Coordinator, Slug);
        var url = await TsiUrlAsync(first);
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);
        await first.SubmitAsync(firstForm, EditForms.Filled(firstForm, ("Website", "https://first.example.org"), ("Phone", "01324 506000")));

        // Act
        var refused = await second.SubmitAsync(secondForm, EditForms.Filled(secondForm, ("Website", "https://second.example.org")));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var only = Assert.Single(refused.Document.QuerySelectorAll("#conflicts li").Select(li => li.TextOf()));
        Assert.Contains("https://first.example.org", only, StringComparison.Ordinal);
        Assert.Equal("01324 506000", refused.One("#Phone").GetAttribute("value"));
    }
}

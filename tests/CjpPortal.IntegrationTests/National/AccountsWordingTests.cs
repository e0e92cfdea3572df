using System.Globalization;
using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.National;

/// <summary>What CJS staff and administrators read on the national and administration pages: the council-area list,
/// the invitation e-mail and the banner after removing an account.</summary>
public sealed class AccountsWordingTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private async Task<HttpClient> SignInAsync(string role)
    {
        var user = await Fixture.CreateUserAsync(role);
        return Fixture.CreateClientAs(user.Id);
    }

    [Fact]
    public async Task Get_Areas_CouncilAreaSelectIsInAlphabeticalOrder()
    {
        // Arrange
        using var client = await SignInAsync(Roles.CjsStaff);

        // Act
        var page = await client.GetDocumentAsync("/national/partnerships/falkirk/areas");

        // Assert
        var options = page.Document.QuerySelectorAll("#AreaId option[value]:not([value=''])").Select(o => o.TextOf()).ToList();
        Assert.True(options.Count > 20);
        Assert.Equal(options.Order(StringComparer.Create(CultureInfo.GetCultureInfo("en-GB"), ignoreCase: true)).ToList(), options);
    }

    [Fact]
    public async Task Post_InviteCoordinator_EmailNamesWhoInvitedThemAndWhichPartnerships()
    {
        // Arrange
        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        using var client = Fixture.CreateClientAs(staff.Id);
        var ids = await Fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == "falkirk" || p.Slug == "stirling").Select(p => new { p.Id, p.Name }).ToListAsync());
        var form = await client.GetDocumentAsync("/national/coordinators/invite");
        var fields = form.Document.QuerySelectorAll("main form input[type=hidden]")
            .Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? string.Empty))
            .Append(KeyValuePair.Create("Email", "new.coordinator@example.org"))
            .Concat(ids.Select(p => KeyValuePair.Create("PartnershipIds", p.Id.ToString(CultureInfo.InvariantCulture))));

        // Act
        var sent = await client.PostFormAsync("/national/coordinators/invite", fields);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = await Fixture.WithDbContextAsync(db => db.EmailOutbox.Where(m => m.To == "new.coordinator@example.org").SingleAsync());
        Assert.Contains(staff.Email, mail.TextBody, StringComparison.Ordinal);
        Assert.All(ids, p => Assert.Contains(p.Name, mail.TextBody, StringComparison.Ordinal));
        Assert.All(ids, p => Assert.Contains(p.Name, mail.HtmlBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_RemoveCoordinatorWhoNeverUsedTheInvitation_BannerSaysTheInvitationWasWithdrawn()
    {
        // Arrange
        await Fixture.InviteAsync("invited.coordinator@example.org", Roles.Coordinator, "falkirk");
        var id = await Fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == "invited.coordinator@example.org").Select(u => u.Id).SingleAsync());
        using var client = await SignInAsync(Roles.CjsStaff);
        var confirm = await client.GetDocumentAsync($"/national/coordinators/{id}/remove");

        // Act
        var done = await client.SubmitAsync(confirm, new Dictionary<string, string>());
        var list = await client.GetDocumentAsync(done.Response.Headers.Location!.OriginalString);

        // Assert
        var banner = list.One("#banner").TextOf();
        Assert.DoesNotContain("signed out", banner, StringComparison.Ordinal);
        Assert.Contains("invitation", banner, StringComparison.Ordinal);
        Assert.DoesNotContain("signed out", confirm.One("main").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RemoveStaffWhoNeverUsedTheInvitation_BannerSaysTheInvitationWasWithdrawn()
    {
        // Arrange
        await Fixture.InviteAsync("invited.staff@example.org", Roles.CjsStaff);
        var id = await Fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == "invited.staff@example.org").Select(u => u.Id).SingleAsync());
        using var client = await SignInAsync(Roles.Administrator);
        var confirm = await client.GetDocumentAsync($"/admin/staff/{id}/remove");

        // Act
        var done = await client.SubmitAsync(confirm, new Dictionary<string, string>());
        var list = await client.GetDocumentAsync(done.Response.Headers.Location!.OriginalString);

        // Assert
        var banner = list.One("#banner").TextOf();
        Assert.DoesNotContain("signed out", banner, StringComparison.Ordinal);
        Assert.Contains("invitation", banner, StringComparison.Ordinal);
        Assert.DoesNotContain("signed out", confirm.One("main").TextOf(), StringComparison.Ordinal);
    }
}

using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.National;

/// <summary>/national/coordinators: CJS staff invite coordinators, give and take away partnerships, send new
/// invitations and remove coordinators, each recorded in the history.</summary>
[Collection(PortalCollection.Name)]
public sealed class CoordinatorsTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string InviteUrl = "/national/coordinators/invite";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<int> PartnershipIdAsync(string slug) =>
        fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    private async Task<T> WithUsersAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    private static string NewEmail() => $"coordinator-{Guid.NewGuid():N}@example.org";

    private Task<Guid> UserIdAsync(string email) =>
        fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<HtmlPage> InviteAsync(HttpClient staff, string email, params string[] slugs)
    {
        var form = await staff.GetDocumentAsync(InviteUrl);
        var fields = new List<KeyValuePair<string, string>> { new("Email", email) };
        foreach (var slug in slugs)
        {
            fields.Add(new("PartnershipIds", (await PartnershipIdAsync(slug)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        fields.Add(new(Forms.AntiforgeryField, form.One($"main input[name={Forms.AntiforgeryField}]").GetAttribute("value")!));
        return await staff.PostFormAsync(InviteUrl, fields);
    }

    [Fact]
    public async Task Post_Invite_ValidEmailAndTwoPartnerships_CreatesAccountEmailsLinkAndRecordsHistory()
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        var email = NewEmail();

        // Act
        var invited = await InviteAsync(staff, email, Partnership, OtherPartnership);
        var shown = await staff.GetDocumentAsync(invited.Response.Headers.Location!.OriginalString);
        var list = await staff.GetDocumentAsync("/national/coordinators");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains($"An invitation has been sent to {email}", shown.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Contains("Invited: the link expires on 30 November 2026", shown.One("#status").TextOf(), StringComparison.Ordinal);
        Assert.Equal(["Falkirk", "Orkney"], shown.Document.QuerySelectorAll("#partnerships a").Select(a => a.TextOf().Split(' ')[0]).Order());
        var row = Assert.Single(list.Document.QuerySelectorAll("#coordinators tbody tr"), r => r.TextOf().Contains(email, StringComparison.Ordinal));
        Assert.Contains("Invited", row.TextOf(), StringComparison.Ordinal);
        Assert.StartsWith("/account/invitation/", await fixture.LatestInvitationLinkAsync(email), StringComparison.Ordinal);
        var userId = await UserIdAsync(email);
        Assert.Equal(2, await fixture.WithDbContextAsync(db => db.PartnershipCoordinators.CountAsync(pc => pc.UserId == userId)));
        var history = await fixture.WithDbContextAsync(db => db.AuditEntries.OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(history, a => a.Entity == AccountAdministration.AccountEntity && a.Field == Roles.Coordinator && a.NewValue == email && a.OldValue == null);
        Assert.Equal(2, history.Count(a => a.Field == AccountAdministration.CoordinatorsField && a.NewValue == email && a.PartnershipId != null));
    }

    [Fact]
    public async Task Post_Invite_AcceptedInvitation_LetsTheCoordinatorEditTheirPartnership()
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        var email = NewEmail();
        await InviteAsync(staff, email, OtherPartnership);
        using var invitee = fixture.CreateAccountsClient();
        var invitation = await invitee.GetDocumentAsync(await fixture.LatestInvitationLinkAsync(email));
        await invitee.SubmitAsync(invitation, new Dictionary<string, string> { ["Password"] = "heather lighthouse kettle", ["ConfirmPassword"] = "heather lighthouse kettle" });
        var key = await WithUsersAsync(async users =>
        {
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
        using var coordinator = fixture.CreateAccountsClient();
        await coordinator.SignInAsync(email, "heather lighthouse kettle", key);

        // Act
        var own = await coordinator.GetAsync(new Uri($"/manage/partnerships/{OtherPartnership}", UriKind.Relative));
        var other = await coordinator.GetAsync(new Uri($"/manage/partnerships/{Partnership}", UriKind.Relative));
        var list = await staff.GetDocumentAsync("/national/coordinators");

        // Assert
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("/status/403", other.Headers.Location?.ToString(), StringComparison.Ordinal);
        var row = Assert.Single(list.Document.QuerySelectorAll("#coordinators tbody tr"), r => r.TextOf().Contains(email, StringComparison.Ordinal));
        Assert.Contains("Active", row.TextOf(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter an email address")]
    [InlineData("not-an-address", "correct format")]
    [InlineData("real%40falkirk.gov.uk?cc=attacker@evil.example", "correct format")]
    [InlineData("\"<b>boss</b>\"@falkirk.gov.uk", "correct format")]
    public async Task Post_Invite_BadEmail_Returns400AndCreatesNothing(string email, string message)
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        var users = await fixture.WithDbContextAsync(db => db.Users.CountAsync());

        // Act
        var page = await InviteAsync(staff, email, Partnership);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(message, page.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Contains(message, page.One("#Email-error").TextOf(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Document.Title, StringComparison.Ordinal);
        Assert.Equal(users, await fixture.WithDbContextAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.EmailOutbox.CountAsync()));
    }

    [Fact]
    public async Task Post_Invite_NoPartnershipChosen_Returns400KeepingTheEmail()
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        var email = NewEmail();

        // Act
        var page = await InviteAsync(staff, email);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Choose at least one partnership", page.One("#PartnershipIds-error").TextOf(), StringComparison.Ordinal);
        Assert.Equal("#PartnershipIds", page.One(".ds_error-summary a").GetAttribute("href"));
        Assert.NotNull(page.Document.QuerySelector("input#PartnershipIds[type=checkbox]"));
        Assert.Equal(email, page.One("#Email").GetAttribute("value"));
        Assert.False(await fixture.WithDbContextAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Post_Invite_ExistingCoordinator_Returns400AndLinksToTheirPage()
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        var email = NewEmail();
        await InviteAsync(staff, email, Partnership);
        var userId = await UserIdAsync(email);

        // Act
        var page = await InviteAsync(staff, email, OtherPartnership);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("already has an account", page.One("#Email-error").TextOf(), StringComparison.Ordinal);
        Assert.Equal($"/national/coordinators/{userId}", page.One("#existing-account a").GetAttribute("href"));
        Assert.Equal(1, await fixture.WithDbContextAsync(db => db.PartnershipCoordinators.CountAsync(pc => pc.UserId == userId)));
    }

    [Fact]
    public async Task Post_AssignAndUnassign_ChangeWhichPartnershipsTheCoordinatorCanEdit()
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        using var coordinator = await CoordinatorAsync(fixture);
        var userId = await fixture.WithDbContextAsync(db => db.PartnershipCoordinators.Where(pc => pc.User!.Email!.StartsWith("manage-")).Select(pc => pc.UserId).SingleAsync());
        var url = $"/national/coordinators/{userId}";
        var orkney = (await PartnershipIdAsync(OtherPartnership)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var falkirk = (await PartnershipIdAsync(Partnership)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = await coordinator.GetAsync(new Uri($"/manage/partnerships/{OtherPartnership}", UriKind.Relative));

        // Act
        var page = await staff.GetDocumentAsync(url);
        var assigned = await staff.ClickAsync(page, "main form:has(select) button[formaction*='handler=Assign']", new Dictionary<string, string> { ["PartnershipId"] = orkney });
        var afterAssign = await coordinator.GetAsync(new Uri($"/manage/partnerships/{OtherPartnership}", UriKind.Relative));
        page = await staff.GetDocumentAsync(url);
        var unassigned = await staff.ClickAsync(page, "#partnerships form button[formaction*='handler=Unassign']", new Dictionary<string, string> { ["PartnershipId"] = falkirk });
        var afterUnassign = await coordinator.GetAsync(new Uri($"/manage/partnerships/{Partnership}", UriKind.Relative));
        var shown = await staff.GetDocumentAsync(url);

        // Assert
        Assert.Contains("/status/403", before.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterAssign.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unassigned.StatusCode);
        Assert.Contains("/status/403", afterUnassign.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Contains("no longer looks after Falkirk", shown.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Equal(["Orkney"], shown.Document.QuerySelectorAll("#partnerships a").Select(a => a.TextOf().Split(' ')[0]));
        var history = await fixture.WithDbContextAsync(db => db.AuditEntries.Where(a => a.Field == AccountAdministration.CoordinatorsField).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, history.Count);
        Assert.Equal(await PartnershipIdAsync(OtherPartnership), history[0].PartnershipId);
        Assert.Null(history[0].OldValue);
        Assert.Equal(await PartnershipIdAsync(Partnership), history[1].PartnershipId);
        Assert.Null(history[1].NewValue);
    }

    [Fact]
    public async Task Post_AssignWithNothingChosen_Returns400WithErrorOnField()
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        using var coordinator = await CoordinatorAsync(fixture);
        var userId = await fixture.WithDbContextAsync(db => db.PartnershipCoordinators.Where(pc => pc.User!.Email!.StartsWith("manage-")).Select(pc => pc.UserId).SingleAsync());
        var page = await staff.GetDocumentAsync($"/national/coordinators/{userId}");

        // Act
        var answer = await staff.ClickAsync(page, "main form:has(select) button[formaction*='handler=Assign']", new Dictionary<string, string> { ["PartnershipId"] = string.Empty });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("Choose a partnership", answer.One("#PartnershipId-error").TextOf(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Post_Resend_SendsANewLinkAndTheOldOneStopsWorking()
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        var email = NewEmail();
        await InviteAsync(staff, email, Partnership);
        var firstLink = await fixture.LatestInvitationLinkAsync(email);
        var page = await staff.GetDocumentAsync($"/national/coordinators/{await UserIdAsync(email)}");

        // Act
        var resent = await staff.ClickAsync(page, "button[formaction*='handler=Resend']");
        var secondLink = await fixture.LatestInvitationLinkAsync(email);
        using var invitee = fixture.CreateAccountsClient();
        var oldPage = await invitee.GetDocumentAsync(firstLink);
        var newPage = await invitee.GetDocumentAsync(secondLink);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.NotEqual(firstLink, secondLink);
        Assert.NotEqual(HttpStatusCode.OK, oldPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPage.StatusCode);
        Assert.Equal(2, await fixture.WithDbContextAsync(db => db.EmailOutbox.CountAsync(e => e.To == email)));
    }

    [Fact]
    public async Task Post_Remove_DeletesTheAccountKeepsHistoryAndSignsThemOut()
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        using var coordinator = await SignInThroughPagesAsync(fixture, Roles.Coordinator, Partnership);
        var userId = await fixture.WithDbContextAsync(db => db.PartnershipCoordinators.Where(pc => pc.User!.Email!.StartsWith("manage-")).Select(pc => pc.UserId).SingleAsync());
        var email = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync());
        var confirm = await staff.GetDocumentAsync($"/national/coordinators/{userId}/remove");

        // Act
        var removed = await staff.SubmitAsync(confirm, new Dictionary<string, string>());
        var list = await staff.GetDocumentAsync("/national/coordinators");
        var editAtOnce = await coordinator.GetAsync(new Uri($"/manage/partnerships/{Partnership}", UriKind.Relative));
        var start = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        HttpResponseMessage dashboardLater;
        try
        {
            dashboardLater = await coordinator.GetAsync(new Uri("/manage", UriKind.Relative));
        }
        finally
        {
            fixture.Clock.SetUtcNow(start);
        }

        // Assert
        Assert.Contains("Falkirk", confirm.One("#partnerships").TextOf(), StringComparison.Ordinal);
        Assert.Equal("/national/coordinators", removed.Response.Headers.Location?.OriginalString);
        Assert.Contains($"{email} has been removed", list.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Null(list.Document.QuerySelector($"#coordinators a[href='/national/coordinators/{userId}']"));
        Assert.False(await fixture.WithDbContextAsync(db => db.Users.AnyAsync(u => u.Id == userId)));
        // Deleting the account ends the session at once (the per-request security stamp check), not only its access.
        Assert.Contains("/account/sign-in", editAtOnce.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Contains("/account/sign-in", dashboardLater.Headers.Location?.ToString(), StringComparison.Ordinal);
        var history = await fixture.WithDbContextAsync(db => db.AuditEntries.ToListAsync());
        Assert.Contains(history, a => a.Entity == AccountAdministration.AccountEntity && a.Field == Roles.Coordinator && a.OldValue == email && a.NewValue == null);
        Assert.Contains(history, a => a.Field == AccountAdministration.CoordinatorsField && a.OldValue == email && a.NewValue == null);
    }

    [Fact]
    public async Task Get_AccountChanges_AfterInviteAndRemove_ListsBothNewestFirst()
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        var email = NewEmail();
        await InviteAsync(staff, email, Partnership);
        var confirm = await staff.GetDocumentAsync($"/national/coordinators/{await UserIdAsync(email)}/remove");
        await staff.SubmitAsync(confirm, new Dictionary<string, string>());

        // Act
        var page = await staff.GetDocumentAsync("/national/history");

        // Assert
        var rows = page.Document.QuerySelectorAll("#history tbody tr").Select(r => r.TextOf()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains($"{email} removed as Coordinator", rows[0], StringComparison.Ordinal);
        Assert.Contains($"{email} invited as Coordinator", rows[1], StringComparison.Ordinal);
        Assert.Contains("manage-", rows[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownCoordinator_Returns404()
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);

        // Act
        var page = await staff.GetAsync(new Uri($"/national/coordinators/{Guid.NewGuid()}", UriKind.Relative));
        var remove = await staff.GetAsync(new Uri($"/national/coordinators/{Guid.NewGuid()}/remove", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
    }
}

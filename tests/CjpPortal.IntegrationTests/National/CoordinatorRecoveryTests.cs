using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.National;

/// <summary>/national/coordinators/{id}: CJS staff let a locked-out coordinator back in, and reset the authenticator
/// app of one who has lost it; both are recorded in the account history.</summary>
[Collection(PortalCollection.Name)]
public sealed class CoordinatorRecoveryTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string Password = "thistle ferry compass";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewEmail() => $"coordinator-{Guid.NewGuid():N}@example.org";

    private async Task<(string Email, Guid Id, string Key)> CoordinatorAccountAsync()
    {
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password, Roles.Coordinator, Partnership);
        var id = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (email, id, key);
    }

    private async Task LockOutAsync(string email)
    {
        using var attacker = fixture.CreateAccountsClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await attacker.SignInAsync(email, $"a guessed password {attempt}", authenticatorKey: null);
        }
    }

    [Fact]
    public async Task Post_Unlock_LockedOutCoordinator_CanSignInAgainAndHistoryRecordsIt()
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        var (email, id, key) = await CoordinatorAccountAsync();
        await LockOutAsync(email);
        var page = await staff.GetDocumentAsync($"/national/coordinators/{id}");

        // Act
        var unlocked = await staff.SubmitAsync(page, new Dictionary<string, string>(), "#unlock");
        var shown = await staff.GetDocumentAsync($"/national/coordinators/{id}");
        var shownAgain = await staff.GetDocumentAsync($"/national/coordinators/{id}");
        using var coordinator = fixture.CreateAccountsClient();
        var signedIn = await coordinator.SignInAsync(email, Password, key);
        var history = await staff.GetDocumentAsync("/national/history");

        // Assert
        Assert.Contains("Locked out", page.One("#status").TextOf(), StringComparison.Ordinal);
        Assert.Equal("Unlock this account", page.One("#unlock button").TextOf());
        Assert.Equal($"/national/coordinators/{id}", unlocked.Response.Headers.Location?.OriginalString);
        Assert.Contains($"{email} can sign in again", shown.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Null(shownAgain.Document.QuerySelector("#banner"));
        Assert.Contains("Active", shown.One("#status").TextOf(), StringComparison.Ordinal);
        Assert.Null(shown.Document.QuerySelector("#unlock"));
        Assert.Equal("/manage", signedIn.Response.Headers.Location?.OriginalString);
        var entry = await fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync(a => a.Field == AccountAdministration.UnlockedField));
        Assert.Equal(AccountAdministration.AccountEntity, entry.Entity);
        Assert.Equal(email, entry.NewValue);
        Assert.StartsWith("manage-", entry.UserEmail, StringComparison.Ordinal);
        Assert.Contains($"{email} unlocked after too many wrong attempts", history.One("#history tbody tr").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnlockWithoutAntiforgeryToken_Returns400AndStaysLocked()
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        var (email, id, _) = await CoordinatorAccountAsync();
        await LockOutAsync(email);
        await staff.GetDocumentAsync($"/national/coordinators/{id}");

        // Act
        var answer = await staff.PostFormAsync($"/national/coordinators/{id}?handler=Unlock", []);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.NotNull(await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.False(await fixture.WithDbContextAsync(db => db.AuditEntries.AnyAsync()));
    }

    [Fact]
    public async Task Get_Show_ActiveCoordinator_OffersAuthenticatorResetButNoUnlock()
    {
        // Arrange
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        var (_, id, _) = await CoordinatorAccountAsync();
        var invited = NewEmail();
        await fixture.InviteAsync(invited, Roles.Coordinator, Partnership);
        var invitedId = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == invited).Select(u => u.Id).SingleAsync());

        // Act
        var active = await staff.GetDocumentAsync($"/national/coordinators/{id}");
        var notSetUp = await staff.GetDocumentAsync($"/national/coordinators/{invitedId}");

        // Assert
        Assert.Null(active.Document.QuerySelector("#unlock"));
        Assert.Equal($"/national/coordinators/{id}/reset-authenticator", active.One("#reset-authenticator").GetAttribute("href"));
        Assert.Null(notSetUp.Document.QuerySelector("#unlock"));
        Assert.Null(notSetUp.Document.QuerySelector("#reset-authenticator"));
    }

    [Fact]
    public async Task Post_ResetAuthenticator_AfterConfirming_SignsThemOutAndTheyEnrolAgain()
    {
        // Arrange: the coordinator is signed in on a phone they have lost
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        var (email, id, key) = await CoordinatorAccountAsync();
        using var lostPhone = fixture.CreateAccountsClient();
        await lostPhone.SignInAsync(email, Password, key);
        var before = await lostPhone.GetAsync(new Uri("/manage", UriKind.Relative));
        var show = await staff.GetDocumentAsync($"/national/coordinators/{id}");
        Task<int> LastStepsAsync() => fixture.WithDbContextAsync(db => db.UserTokens.CountAsync(t => t.UserId == id && t.Name == AuthenticatorSteps.LastStepTokenName));
        var lastStepsBefore = await LastStepsAsync();

        // Act
        var confirm = await staff.GetDocumentAsync(show.One("#reset-authenticator").GetAttribute("href")!);
        var reset = await staff.SubmitAsync(confirm, new Dictionary<string, string>());
        var shown = await staff.GetDocumentAsync($"/national/coordinators/{id}");
        var lostPhoneAfter = await lostPhone.GetAsync(new Uri("/manage", UriKind.Relative));
        using var coordinator = fixture.CreateAccountsClient();
        var signedIn = await coordinator.SignInAsync(email, Password, key);
        var enrol = await coordinator.GetDocumentAsync("/account/authenticator");
        var history = await staff.GetDocumentAsync("/national/history");

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Are you sure", confirm.One("h1").TextOf(), StringComparison.Ordinal);
        Assert.Equal($"/national/coordinators/{id}", reset.Response.Headers.Location?.OriginalString);
        Assert.Contains($"{email}’s authenticator app has been reset", shown.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Contains("No authenticator app yet", shown.One("#status").TextOf(), StringComparison.Ordinal);
        Assert.StartsWith("/account/sign-in", lostPhoneAfter.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("/account/authenticator", signedIn.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);
        var stored = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync());
        Assert.False(stored);
        var newKey = await fixture.WithDbContextAsync(db => db.UserTokens.Where(t => t.UserId == id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync());
        Assert.NotEqual(key, newKey);
        // The old app's last code step is forgotten, or the new app's first code could be refused for a minute.
        Assert.Equal((1, 0), (lastStepsBefore, await LastStepsAsync()));
        var entry = await fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync(a => a.Field == AccountAdministration.AuthenticatorResetField));
        Assert.Equal(email, entry.NewValue);
        Assert.Contains($"Authenticator app reset for {email}", history.One("#history tbody tr").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ResetAuthenticator_CoordinatorWithoutAuthenticator_SaysThereIsNothingToReset()
    {
        // Arrange: an old link, or one typed in, for an account that has not set up an authenticator app
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        var invited = NewEmail();
        await fixture.InviteAsync(invited, Roles.Coordinator, Partnership);
        var invitedId = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == invited).Select(u => u.Id).SingleAsync());
        var url = $"/national/coordinators/{invitedId}/reset-authenticator";

        // Act
        var page = await staff.GetDocumentAsync(url);
        var token = (await staff.GetDocumentAsync($"/national/coordinators/{invitedId}")).Document
            .QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
        var posted = await staff.PostFormAsync(url, [new(Forms.AntiforgeryField, token)]);
        var shown = await staff.GetDocumentAsync($"/national/coordinators/{invitedId}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("They have no authenticator app to reset", page.One("h1").TextOf());
        Assert.Null(page.Document.QuerySelector("main form"));
        Assert.Equal($"/national/coordinators/{invitedId}", posted.Response.Headers.Location?.OriginalString);
        Assert.Contains("Nothing was changed", shown.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.False(await fixture.WithDbContextAsync(db => db.AuditEntries.AnyAsync()));
    }

    [Fact]
    public async Task Post_UnlockAndReset_CoordinatorWhoIsAlsoAnAdministrator_AreLeftToAdministrators()
    {
        // Arrange: CJS staff must not be able to weaken an administrator's sign-in through the coordinator pages
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);
        var (email, id, _) = await CoordinatorAccountAsync();
        using (await SignInAsync(fixture, Roles.Administrator))
        {
            // makes sure the role exists
        }

        var adminRole = await fixture.WithDbContextAsync(db => db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).SingleAsync());
        await fixture.WithDbContextAsync(async db =>
        {
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = id, RoleId = adminRole });
            return await db.SaveChangesAsync();
        });
        await LockOutAsync(email);

        // Act
        var page = await staff.GetDocumentAsync($"/national/coordinators/{id}");
        var token = page.Document.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
        var unlock = await staff.PostFormAsync($"/national/coordinators/{id}?handler=Unlock", [new(Forms.AntiforgeryField, token)]);
        var reset = await staff.PostFormAsync($"/national/coordinators/{id}/reset-authenticator", [new(Forms.AntiforgeryField, token)]);

        // Assert
        Assert.Null(page.Document.QuerySelector("#unlock"));
        Assert.Null(page.Document.QuerySelector("#reset-authenticator"));
        Assert.Contains("an administrator", page.One("#administrator-only").TextOf(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unlock.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
        var stored = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Id == id).Select(u => new { u.LockoutEnd, u.TwoFactorEnabled }).SingleAsync());
        Assert.NotNull(stored.LockoutEnd);
        Assert.True(stored.TwoFactorEnabled);
        Assert.False(await fixture.WithDbContextAsync(db => db.AuditEntries.AnyAsync()));
    }
}

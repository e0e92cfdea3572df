using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Admin;

/// <summary>/admin/staff/{id}: administrators unlock CJS staff and administrator accounts and reset their
/// authenticator app, as CJS staff do for coordinators; both are recorded in the account history.</summary>
[Collection(PortalCollection.Name)]
public sealed class StaffRecoveryTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string Password = "basalt heron umbrella";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Email, Guid Id, string Key)> StaffAccountAsync()
    {
        var email = $"staff-{Guid.NewGuid():N}@example.org";
        var key = await fixture.CreateEnrolledUserAsync(email, Password, Roles.CjsStaff);
        var id = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (email, id, key);
    }

    [Fact]
    public async Task Post_Unlock_LockedOutStaff_CanSignInAgainAndHistoryRecordsIt()
    {
        // Arrange
        using var admin = await SignInAsync(fixture, Roles.Administrator);
        var (email, id, key) = await StaffAccountAsync();
        using (var attacker = fixture.CreateAccountsClient())
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await attacker.SignInAsync(email, $"a guessed password {attempt}", authenticatorKey: null);
            }
        }

        var page = await admin.GetDocumentAsync($"/admin/staff/{id}");

        // Act
        var unlocked = await admin.SubmitAsync(page, new Dictionary<string, string>(), "#unlock");
        var shown = await admin.GetDocumentAsync($"/admin/staff/{id}");
        using var staff = fixture.CreateAccountsClient();
        var signedIn = await staff.SignInAsync(email, Password, key);

        // Assert
        Assert.Contains("Locked out", page.One("#status").TextOf(), StringComparison.Ordinal);
        Assert.Equal($"/admin/staff/{id}", unlocked.Response.Headers.Location?.OriginalString);
        Assert.Contains($"{email} can sign in again", shown.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Null(shown.Document.QuerySelector("#unlock"));
        Assert.Equal("/national", signedIn.Response.Headers.Location?.OriginalString);
        var entry = await fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(AccountAdministration.UnlockedField, entry.Field);
        Assert.Equal(email, entry.NewValue);
    }

    [Fact]
    public async Task Post_ResetAuthenticator_AfterConfirming_SignsThemOutAndTheyEnrolAgain()
    {
        // Arrange
        using var admin = await SignInAsync(fixture, Roles.Administrator);
        var (email, id, key) = await StaffAccountAsync();
        using var lostPhone = fixture.CreateAccountsClient();
        await lostPhone.SignInAsync(email, Password, key);
        var before = await lostPhone.GetAsync(new Uri("/national", UriKind.Relative));
        var show = await admin.GetDocumentAsync($"/admin/staff/{id}");

        // Act
        var confirm = await admin.GetDocumentAsync(show.One("#reset-authenticator").GetAttribute("href")!);
        var reset = await admin.SubmitAsync(confirm, new Dictionary<string, string>());
        var shown = await admin.GetDocumentAsync($"/admin/staff/{id}");
        var lostPhoneAfter = await lostPhone.GetAsync(new Uri("/national", UriKind.Relative));
        using var staff = fixture.CreateAccountsClient();
        var signedIn = await staff.SignInAsync(email, Password, key);

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("Are you sure", confirm.One("h1").TextOf(), StringComparison.Ordinal);
        Assert.Equal($"/admin/staff/{id}", reset.Response.Headers.Location?.OriginalString);
        Assert.Contains($"{email}’s authenticator app has been reset", shown.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.StartsWith("/account/sign-in", lostPhoneAfter.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("/account/authenticator", signedIn.Response.Headers.Location?.OriginalString);
        Assert.False(await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        var entry = await fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(AccountAdministration.AuthenticatorResetField, entry.Field);
        Assert.Equal(email, entry.NewValue);
    }
}

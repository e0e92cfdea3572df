using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Account.InvitationTests;

namespace CjpPortal.IntegrationTests.Account;

/// <summary>/account/new-recovery-codes: after the password or a current authenticator code, a new set of recovery
/// codes replaces the old one and is shown once, as at enrolment.</summary>
public sealed class NewRecoveryCodesTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Url = "/account/new-recovery-codes";

    [Fact]
    public async Task Get_NewRecoveryCodes_AsksToConfirmAndSaysTheOldCodesStopWorking()
    {
        // Arrange
        var account = await Fixture.CreateEnrolledAccountAsync();
        using var client = Fixture.CreateClientAs(account.Id);

        // Act
        var page = await client.GetDocumentAsync(Url);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Get new recovery codes", page.Document.QuerySelector("h1")?.TextOf());
        Assert.Contains("Your old recovery codes will stop working", page.Document.QuerySelector("main")!.TextOf(), StringComparison.Ordinal);
        Assert.Equal("password", page.Document.QuerySelector("main form input#PasswordOrCode")?.GetAttribute("type"));
        Assert.NotNull(page.Document.QuerySelector($"main form input[name={Forms.AntiforgeryField}]"));
        Assert.Equal("Get new recovery codes", page.Document.QuerySelector("main form button[type=submit]")?.TextOf());
    }

    [Theory]
    [InlineData("", "Enter your password, or the code from your authenticator app")]
    [InlineData("not the right password", "The password or code is not right")]
    [InlineData("123456", "The password or code is not right")]
    public async Task Post_WithoutTheRightPasswordOrCode_Returns400AndKeepsTheOldCodes(string typed, string message)
    {
        // Arrange
        var account = await Fixture.CreateEnrolledAccountAsync();
        var oldCodes = await Fixture.CreateRecoveryCodesAsync(account.Id);
        using var client = Fixture.CreateClientAs(account.Id);
        var form = await client.GetDocumentAsync(Url);

        // Act
        var page = await client.SubmitAsync(form, Fields(("PasswordOrCode", typed)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "PasswordOrCode", message);
        Assert.Equal(10, await Fixture.CountRecoveryCodesAsync(account.Id));
        using var signIn = Fixture.CreateAccountsClient();
        var withOldCode = await signIn.SignInWithRecoveryCodeAsync(account.Email, account.Password, oldCodes[0]);
        Assert.Equal(HttpStatusCode.Redirect, withOldCode.Response.StatusCode);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync(a => a.Entity == "Account" && a.UserId == account.Id)));
    }

    [Fact]
    public async Task Post_WithThePassword_ShowsTenNewCodesOnceAndOnlyTheNewCodesSignIn()
    {
        // Arrange
        var account = await Fixture.CreateEnrolledAccountAsync();
        var oldCodes = await Fixture.CreateRecoveryCodesAsync(account.Id);
        using var client = Fixture.CreateClientAs(account.Id);
        var form = await client.GetDocumentAsync(Url);

        // Act
        var posted = await client.SubmitAsync(form, Fields(("PasswordOrCode", account.Password)));
        var shown = await client.GetDocumentAsync(posted.Response.Headers.Location?.OriginalString ?? "/missing");
        var again = await client.GetAsync(new Uri("/account/recovery-codes", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, posted.Response.StatusCode);
        Assert.Equal("/account/recovery-codes", posted.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, shown.Response.StatusCode);
        Assert.Equal("Save your new recovery codes", shown.Document.QuerySelector("h1")?.TextOf());
        Assert.Contains("Your old recovery codes no longer work", shown.Document.QuerySelector("main")!.TextOf(), StringComparison.Ordinal);
        var newCodes = shown.Document.QuerySelectorAll("#recovery-codes code").Select(c => c.TextOf()).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        Assert.True(shown.Response.Headers.CacheControl?.NoStore, "The codes must not be stored by any cache.");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/account", again.Headers.Location?.OriginalString);

        using var withOld = Fixture.CreateAccountsClient();
        var oldAnswer = await withOld.SignInWithRecoveryCodeAsync(account.Email, account.Password, oldCodes[0]);
        Assert.Equal(HttpStatusCode.BadRequest, oldAnswer.Response.StatusCode);
        using var withNew = Fixture.CreateAccountsClient();
        var newAnswer = await withNew.SignInWithRecoveryCodeAsync(account.Email, account.Password, newCodes[0]);
        Assert.Equal(HttpStatusCode.Redirect, newAnswer.Response.StatusCode);
        Assert.Equal("/manage", newAnswer.Response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Post_WithACurrentAuthenticatorCode_ShowsNewCodesAndWritesAccountHistory()
    {
        // Arrange
        var account = await Fixture.CreateEnrolledAccountAsync();
        await Fixture.CreateRecoveryCodesAsync(account.Id);
        using var client = Fixture.CreateClientAs(account.Id);
        var form = await client.GetDocumentAsync(Url);

        // Act
        var posted = await client.SubmitAsync(form, Fields(("PasswordOrCode", Totp.Code(account.AuthenticatorKey))));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, posted.Response.StatusCode);
        Assert.Equal("/account/recovery-codes", posted.Response.Headers.Location?.OriginalString);
        var entry = await Fixture.WithDbContextAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Entity == "Account" && a.UserId == account.Id));
        Assert.Equal("RecoveryCodes", entry.Field);
        Assert.Equal(account.Email, entry.NewValue);
        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        using var staffClient = Fixture.CreateClientAs(staff.Id);
        var history = await staffClient.GetDocumentAsync("/national/history");
        Assert.Contains($"New recovery codes for {account.Email}", history.Document.QuerySelector("#history tbody")?.TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400AndKeepsTheOldCodes()
    {
        // Arrange
        var account = await Fixture.CreateEnrolledAccountAsync();
        var oldCodes = await Fixture.CreateRecoveryCodesAsync(account.Id, count: 10);
        using var client = Fixture.CreateClientAs(account.Id);

        // Act
        var page = await client.PostFormAsync(Url, Fields(("PasswordOrCode", account.Password)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.Equal(oldCodes.Count, await Fixture.CountRecoveryCodesAsync(account.Id));
    }
}

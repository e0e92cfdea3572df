using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Account.InvitationTests;

namespace CjpPortal.IntegrationTests.Account;

/// <summary>/account/reset-authenticator, through the real sign-in and cookie: after the password or a current code,
/// the old authenticator app and recovery codes stop working, every other session ends, and this one goes straight to
/// setting up a new app, as at first sign-in.</summary>
public sealed class ResetAuthenticatorTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Url = "/account/reset-authenticator";

    [Fact]
    public async Task Get_ResetAuthenticator_AsksToConfirmAndSaysWhatHappens()
    {
        // Arrange
        var (client, _) = await SignedInAsync();

        // Act
        var page = await client.GetDocumentAsync(Url);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Reset your authenticator app", page.Document.QuerySelector("h1")?.TextOf());
        var text = page.Document.QuerySelector("main")!.TextOf();
        Assert.Contains("Your current authenticator app and recovery codes will stop working", text, StringComparison.Ordinal);
        Assert.Contains("signed out on every other device", text, StringComparison.Ordinal);
        Assert.Equal("password", page.Document.QuerySelector("main form input#PasswordOrCode")?.GetAttribute("type"));
        Assert.Equal("Reset authenticator app", page.Document.QuerySelector("main form button[type=submit]")?.TextOf());
    }

    [Theory]
    [InlineData("", "Enter your password, or the code from your authenticator app")]
    [InlineData("not the right password", "The password or code is not right")]
    public async Task Post_WithoutTheRightPasswordOrCode_Returns400AndKeepsTheApp(string typed, string message)
    {
        // Arrange
        var (client, account) = await SignedInAsync();
        var form = await client.GetDocumentAsync(Url);

        // Act
        var page = await client.SubmitAsync(form, Fields(("PasswordOrCode", typed)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "PasswordOrCode", message);
        Assert.True(await Fixture.WithDbContextAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        using var again = Fixture.CreateAccountsClient();
        var signedIn = await again.SignInAsync(account.Email, account.Password, account.AuthenticatorKey);
        Assert.Equal("/manage", signedIn.Response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Post_WithThePassword_EndsOtherSessionsAndEnrolsANewAppThatReplacesTheOldOne()
    {
        // Arrange
        var (client, account) = await SignedInAsync();
        var oldCodes = await Fixture.CreateRecoveryCodesAsync(account.Id);
        using var otherDevice = Fixture.CreateAccountsClient();
        var otherCookie = (await otherDevice.SignInAsync(account.Email, account.Password, account.AuthenticatorKey)).SignInCookie();
        var form = await client.GetDocumentAsync(Url);

        // Act
        var reset = await client.SubmitAsync(form, Fields(("PasswordOrCode", account.Password)));
        var beforeEnrolment = await client.GetAsync(new Uri("/manage", UriKind.Relative));
        var enrol = await client.GetDocumentAsync(reset.Response.Headers.Location?.OriginalString ?? "/missing");
        var newKey = enrol.Document.GetElementById("shared-key")?.TextOf().Replace(" ", string.Empty, StringComparison.Ordinal) ?? string.Empty;
        var enrolled = await client.SubmitAsync(enrol, Fields(("Code", Totp.Code(newKey))));
        var codes = await client.GetDocumentAsync(enrolled.Response.Headers.Location?.OriginalString ?? "/missing");
        var afterEnrolment = await client.GetAsync(new Uri("/manage", UriKind.Relative));
        var other = await Fixture.GetWithCookieAsync("/manage", otherCookie);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, reset.Response.StatusCode);
        Assert.Equal("/account/authenticator", reset.Response.Headers.Location?.OriginalString);
        Assert.NotEqual(HttpStatusCode.OK, beforeEnrolment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, enrol.Response.StatusCode);
        Assert.NotEqual(string.Empty, newKey);
        Assert.NotEqual(account.AuthenticatorKey.ToLowerInvariant(), newKey.ToLowerInvariant());
        Assert.Equal("/account/recovery-codes", enrolled.Response.Headers.Location?.OriginalString);
        Assert.Equal(10, codes.Document.QuerySelectorAll("#recovery-codes code").Length);
        Assert.Equal(HttpStatusCode.OK, afterEnrolment.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/account/sign-in", other.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var withOldApp = Fixture.CreateAccountsClient();
        var oldApp = await withOldApp.SignInAsync(account.Email, account.Password, account.AuthenticatorKey);
        Assert.Equal(HttpStatusCode.BadRequest, oldApp.Response.StatusCode);
        using var withOldCode = Fixture.CreateAccountsClient();
        var oldCode = await withOldCode.SignInWithRecoveryCodeAsync(account.Email, account.Password, oldCodes[0]);
        Assert.Equal(HttpStatusCode.BadRequest, oldCode.Response.StatusCode);
        using var withNewApp = Fixture.CreateAccountsClient();
        var newApp = await withNewApp.SignInAsync(account.Email, account.Password, newKey);
        Assert.Equal("/manage", newApp.Response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Post_WithACurrentAuthenticatorCode_GoesToEnrolmentAndWritesAccountHistory()
    {
        // Arrange
        var (client, account) = await SignedInAsync();
        var form = await client.GetDocumentAsync(Url);

        // Act
        var reset = await client.SubmitAsync(form, Fields(("PasswordOrCode", Totp.Code(account.AuthenticatorKey))));

        // Assert
        Assert.Equal("/account/authenticator", reset.Response.Headers.Location?.OriginalString);
        var entry = await Fixture.WithDbContextAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Entity == "Account" && a.UserId == account.Id));
        Assert.Equal("AuthenticatorReset", entry.Field);
        Assert.Equal(account.Email, entry.NewValue);
        Assert.Equal(account.Email, entry.UserEmail);
    }

    private async Task<(HttpClient Client, EnrolledAccount Account)> SignedInAsync()
    {
        var account = await Fixture.CreateEnrolledAccountAsync(Roles.Coordinator, "falkirk");
        var client = Fixture.CreateAccountsClient();
        var signedIn = await client.SignInAsync(account.Email, account.Password, account.AuthenticatorKey);
        Assert.Equal("/manage", signedIn.Response.Headers.Location?.OriginalString);
        return (client, account);
    }
}

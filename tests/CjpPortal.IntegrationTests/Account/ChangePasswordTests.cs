using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Account.InvitationTests;

namespace CjpPortal.IntegrationTests.Account;

/// <summary>/account/change-password, through the real sign-in (password and authenticator code) and the real cookie:
/// the current password is asked for, the new one follows the invitation's rules, and changing it ends every other
/// session while this one carries on.</summary>
public sealed class ChangePasswordTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Url = "/account/change-password";
    private const string NewPassword = "silver estuary biscuit ladder";

    [Fact]
    public async Task Get_ChangePassword_ShowsCurrentNewAndConfirmationFieldsAndSaysOtherSessionsEnd()
    {
        // Arrange
        var (client, _) = await SignedInAsync();

        // Act
        var page = await client.GetDocumentAsync(Url);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Change your password", page.Document.QuerySelector("h1")?.TextOf());
        var form = page.Document.QuerySelector("main form[method=post]");
        Assert.NotNull(form);
        Assert.Equal("current-password", form.QuerySelector("input#CurrentPassword[type=password]")?.GetAttribute("autocomplete"));
        Assert.Equal("new-password", form.QuerySelector("input#Password[type=password]")?.GetAttribute("autocomplete"));
        Assert.Equal("new-password", form.QuerySelector("input#ConfirmPassword[type=password]")?.GetAttribute("autocomplete"));
        Assert.NotNull(form.QuerySelector($"input[name={Forms.AntiforgeryField}]"));
        Assert.Contains("At least 12 characters", page.Document.GetElementById("Password-hint")?.TextOf(), StringComparison.Ordinal);
        Assert.Contains("signs you out on every other device", page.Document.QuerySelector("main")!.TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongCurrentPassword_Returns400WithTheMessageByTheFieldAndKeepsTheOldPassword()
    {
        // Arrange
        var (client, account) = await SignedInAsync();
        var form = await client.GetDocumentAsync(Url);

        // Act
        var page = await client.SubmitAsync(form, Fields(("CurrentPassword", "not my password at all"), ("Password", NewPassword), ("ConfirmPassword", NewPassword)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "CurrentPassword", "Your current password is not right");
        Assert.StartsWith("Error: ", page.Document.Title, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("input[type=password][value]:not([value=''])"));
        await AssertSignsInWithAsync(account.Email, account.Password, expected: true);
        await AssertSignsInWithAsync(account.Email, NewPassword, expected: false);
        Assert.Equal(0, await HistoryCountAsync(account.Email));
    }

    [Theory]
    [InlineData("", "", "CurrentPassword", "Enter your current password")]
    [InlineData(TestData.EnrolledPassword, "", "Password", "Enter a password")]
    [InlineData(TestData.EnrolledPassword, "too short", "Password", "Password must be at least 12 characters")]
    [InlineData(TestData.EnrolledPassword, "password1234", "Password", "this one is too common")]
    [InlineData(TestData.EnrolledPassword, "different confirmation", "ConfirmPassword", "Enter the same password twice")]
    public async Task Post_NewPasswordBreakingTheInvitationRules_Returns400WithTheSameMessage(string current, string password, string field, string message)
    {
        // Arrange
        var (client, account) = await SignedInAsync();
        var form = await client.GetDocumentAsync(Url);
        var confirmation = field == "ConfirmPassword" ? NewPassword : password;

        // Act
        var page = await client.SubmitAsync(form, Fields(("CurrentPassword", current), ("Password", password), ("ConfirmPassword", confirmation)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, field, message);
        await AssertSignsInWithAsync(account.Email, account.Password, expected: true);
    }

    [Fact]
    public async Task Post_ValidChange_ShowsBannerKeepsThisSessionEndsOtherSessionsAndOnlyTheNewPasswordSignsIn()
    {
        // Arrange
        var (client, account) = await SignedInAsync();
        using var otherDevice = Fixture.CreateAccountsClient();
        var otherCookie = (await otherDevice.SignInAsync(account.Email, account.Password, account.AuthenticatorKey)).SignInCookie();
        var otherBefore = await Fixture.GetWithCookieAsync("/manage", otherCookie);
        var form = await client.GetDocumentAsync(Url);

        // Act
        var changed = await client.SubmitAsync(form, Fields(("CurrentPassword", account.Password), ("Password", NewPassword), ("ConfirmPassword", NewPassword)));
        var accountPage = await client.GetDocumentAsync("/account");
        var manage = await client.GetAsync(new Uri("/manage", UriKind.Relative));
        var otherAfter = await Fixture.GetWithCookieAsync("/manage", otherCookie);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, changed.Response.StatusCode);
        Assert.Equal("/account", changed.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, accountPage.Response.StatusCode);
        Assert.Contains("Your password has been changed", accountPage.Document.GetElementById("banner")?.TextOf(), StringComparison.Ordinal);
        Assert.Contains("signed out on every other device", accountPage.Document.GetElementById("banner")?.TextOf(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, otherAfter.StatusCode);
        Assert.StartsWith("/account/sign-in", otherAfter.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await AssertSignsInWithAsync(account.Email, account.Password, expected: false);
        await AssertSignsInWithAsync(account.Email, NewPassword, expected: true);
    }

    [Fact]
    public async Task Post_ValidChange_WritesAccountHistory()
    {
        // Arrange
        var (client, account) = await SignedInAsync();
        var form = await client.GetDocumentAsync(Url);

        // Act
        await client.SubmitAsync(form, Fields(("CurrentPassword", account.Password), ("Password", NewPassword), ("ConfirmPassword", NewPassword)));

        // Assert
        var entry = await Fixture.WithDbContextAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Entity == "Account" && a.UserId == account.Id));
        Assert.Equal("PasswordChanged", entry.Field);
        Assert.Equal(account.Email, entry.UserEmail);
        Assert.Equal(account.Email, entry.NewValue);
        Assert.Null(entry.PartnershipId);
        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        using var staffClient = Fixture.CreateClientAs(staff.Id);
        var history = await staffClient.GetDocumentAsync("/national/history");
        Assert.Contains($"Password changed for {account.Email}", history.Document.QuerySelector("#history tbody")?.TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400AndKeepsTheOldPassword()
    {
        // Arrange
        var (client, account) = await SignedInAsync();

        // Act
        var page = await client.PostFormAsync(Url, Fields(("CurrentPassword", account.Password), ("Password", NewPassword), ("ConfirmPassword", NewPassword)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        await AssertSignsInWithAsync(account.Email, account.Password, expected: true);
    }

    [Fact]
    public async Task Get_AccountPage_LinksToTheThreeSecurityPages()
    {
        // Arrange
        var (client, _) = await SignedInAsync();

        // Act
        var page = await client.GetDocumentAsync("/account");

        // Assert
        Assert.Equal("Change your password", page.Document.QuerySelector("a[href='/account/change-password']")?.TextOf());
        Assert.Equal("Get new recovery codes", page.Document.QuerySelector("a[href='/account/new-recovery-codes']")?.TextOf());
        Assert.Equal("Reset your authenticator app", page.Document.QuerySelector("a[href='/account/reset-authenticator']")?.TextOf());
    }

    [Theory]
    [InlineData(Url)]
    [InlineData("/account/new-recovery-codes")]
    [InlineData("/account/reset-authenticator")]
    public async Task Get_SecurityPageWithAPasswordOnlySession_IsRefused(string url)
    {
        // Arrange: an invited person who has set a password but no authenticator app yet
        var email = NewEmail();
        var link = await Fixture.InviteAsync(email, Roles.Coordinator, "falkirk");
        using var client = Fixture.CreateAccountsClient();
        var invitation = await client.GetDocumentAsync(link);
        var accepted = await client.SubmitAsync(invitation, Fields(("Password", NewPassword), ("ConfirmPassword", NewPassword)));

        // Act
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        // Assert
        Assert.Equal("/account/authenticator", accepted.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/status/403", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, EnrolledAccount Account)> SignedInAsync()
    {
        var account = await Fixture.CreateEnrolledAccountAsync(Roles.Coordinator, "falkirk");
        var client = Fixture.CreateAccountsClient();
        var signedIn = await client.SignInAsync(account.Email, account.Password, account.AuthenticatorKey);
        Assert.Equal("/manage", signedIn.Response.Headers.Location?.OriginalString);
        return (client, account);
    }

    /// <summary>Whether the password gets past the first sign-in step (to the authenticator code).</summary>
    private async Task AssertSignsInWithAsync(string email, string password, bool expected)
    {
        using var client = Fixture.CreateAccountsClient();
        var answer = await client.SignInAsync(email, password, authenticatorKey: null);
        var passed = answer.Response.Headers.Location?.OriginalString.StartsWith("/account/sign-in/two-factor", StringComparison.Ordinal) == true;
        Assert.True(passed == expected, $"Expected the password '{password}' {(expected ? "to" : "not to")} sign in, got {(int)answer.Response.StatusCode}.");
    }

    private Task<int> HistoryCountAsync(string email) =>
        Fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync(a => a.Entity == "Account" && a.UserEmail == email));
}

using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Account;

/// <summary>An invited person sets a password and an authenticator app from the link in their invitation e-mail.</summary>
[Collection(PortalCollection.Name)]
public sealed class InvitationTests(PortalFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Tests here assign coordinators to partnerships; other classes count those assignments.</summary>
    public Task DisposeAsync() => fixture.ResetDataAsync();

    private const string GoodPassword = "violet tractor lantern meadow";

    [Fact]
    public async Task Post_InvitationPasswordAuthenticatorAndSignIn_OpensDashboardWithTheirPartnership()
    {
        // Arrange
        var email = NewEmail();
        var link = await fixture.InviteAsync(email, Roles.Coordinator, "falkirk");
        using var client = fixture.CreateAccountsClient();

        // Act: set a password
        var invitation = await client.GetDocumentAsync(link);
        var afterPassword = await client.SubmitAsync(invitation, Fields(("Password", GoodPassword), ("ConfirmPassword", GoodPassword)));

        // Act: enrol the authenticator app
        var enrol = await client.GetDocumentAsync(afterPassword.Response.Headers.Location!.OriginalString);
        var key = enrol.One("#shared-key").TextOf().Replace(" ", string.Empty, StringComparison.Ordinal);
        var afterCode = await client.SubmitAsync(enrol, Fields(("Code", Totp.Code(key))));
        var recovery = await client.GetDocumentAsync(afterCode.Response.Headers.Location!.OriginalString);
        var dashboardAfterEnrolment = await client.GetDocumentAsync("/manage");

        // Act: sign out, then sign in with the password and a code
        var account = await client.GetDocumentAsync("/account");
        var signedOut = await client.SubmitAsync(account, Fields(), "form[action='/account/sign-out']");
        using var secondClient = fixture.CreateAccountsClient();
        var signedIn = await secondClient.SignInAsync(email, GoodPassword, key);
        var dashboard = await secondClient.GetDocumentAsync("/manage");

        // Assert
        Assert.Equal(HttpStatusCode.OK, invitation.StatusCode);
        Assert.Equal("/account/authenticator", afterPassword.Response.Headers.Location.OriginalString);
        Assert.StartsWith("data:image/png;base64,", enrol.One("#qr-code").GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("/account/recovery-codes", afterCode.Response.Headers.Location.OriginalString);
        Assert.Equal(10, recovery.Document.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Equal(HttpStatusCode.OK, dashboardAfterEnrolment.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/manage", signedIn.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Falkirk", dashboard.One("#partnerships").TextOf(), StringComparison.Ordinal);
        Assert.True(await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Post_EnrolmentCodeUsedAgainToSignIn_IsRefused()
    {
        // Arrange: enrol with one code
        var email = NewEmail();
        var link = await fixture.InviteAsync(email);
        using var client = fixture.CreateAccountsClient();
        var invitation = await client.GetDocumentAsync(link);
        await client.SubmitAsync(invitation, Fields(("Password", GoodPassword), ("ConfirmPassword", GoodPassword)));
        var enrol = await client.GetDocumentAsync("/account/authenticator");
        var key = enrol.One("#shared-key").TextOf().Replace(" ", string.Empty, StringComparison.Ordinal);
        var code = Totp.Code(key, DateTimeOffset.UtcNow);
        var enrolled = await client.SubmitAsync(enrol, Fields(("Code", code)));
        using var secondClient = fixture.CreateAccountsClient();
        var signIn = await secondClient.GetDocumentAsync("/account/sign-in");
        var afterPassword = await secondClient.SubmitAsync(signIn, Fields(("Email", email), ("Password", GoodPassword)));
        var codeForm = await secondClient.GetDocumentAsync(afterPassword.Response.Headers.Location!.OriginalString);

        // Act
        var reused = await secondClient.SubmitAsync(codeForm, Fields(("Code", code)));

        // Assert
        Assert.Equal("/account/recovery-codes", enrolled.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        HtmlAssertions.AssertFieldError(reused.Document, "Code", "The code is not correct");
    }

    [Fact]
    public async Task Get_RecoveryCodesAgain_AreNotShownTwice()
    {
        // Arrange
        var email = NewEmail();
        var link = await fixture.InviteAsync(email);
        using var client = fixture.CreateAccountsClient();
        var invitation = await client.GetDocumentAsync(link);
        await client.SubmitAsync(invitation, Fields(("Password", GoodPassword), ("ConfirmPassword", GoodPassword)));
        var enrol = await client.GetDocumentAsync("/account/authenticator");
        var key = enrol.One("#shared-key").TextOf().Replace(" ", string.Empty, StringComparison.Ordinal);
        await client.SubmitAsync(enrol, Fields(("Code", Totp.Code(key))));
        await client.GetDocumentAsync("/account/recovery-codes");

        // Act
        var again = await client.GetDocumentAsync("/account/recovery-codes");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/account", again.Response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_InvitationOlderThanSevenDays_ExplainsItExpiredAndHowToGetANewOne()
    {
        // Arrange
        var link = await fixture.InviteAsync(NewEmail());
        using var client = fixture.CreateAccountsClient();
        var start = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        HtmlPage page;
        try
        {
            // Act
            page = await client.GetDocumentAsync(link);
        }
        finally
        {
            fixture.Clock.SetUtcNow(start);
        }

        // Assert
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Equal("This invitation has expired", page.One("h1").TextOf());
        Assert.Contains("send you a new invitation", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("input[type=password]"));
    }

    [Fact]
    public async Task Post_InvitationAlreadyUsed_IsRefusedAndExplained()
    {
        // Arrange: two browsers open the same link; the first sets a password
        var email = NewEmail();
        var link = await fixture.InviteAsync(email);
        using var first = fixture.CreateAccountsClient();
        using var second = fixture.CreateAccountsClient();
        var firstForm = await first.GetDocumentAsync(link);
        var secondForm = await second.GetDocumentAsync(link);
        await first.SubmitAsync(firstForm, Fields(("Password", GoodPassword), ("ConfirmPassword", GoodPassword)));

        // Act
        var reposted = await second.SubmitAsync(secondForm, Fields(("Password", "another long password"), ("ConfirmPassword", "another long password")));
        var reopened = await second.GetDocumentAsync(link);

        // Assert
        Assert.Equal(HttpStatusCode.Gone, reposted.StatusCode);
        Assert.Equal("This invitation has already been used", reposted.One("h1").TextOf());
        Assert.Equal(HttpStatusCode.Gone, reopened.StatusCode);
        Assert.Contains("works once", reopened.Text, StringComparison.Ordinal);
        using var signIn = fixture.CreateAccountsClient();
        var withSecondPassword = await signIn.SignInAsync(email, "another long password", authenticatorKey: null);
        Assert.Equal(HttpStatusCode.BadRequest, withSecondPassword.StatusCode);
    }

    [Fact]
    public async Task Get_InvitationReplacedByANewerOne_OldLinkNoLongerWorks()
    {
        // Arrange
        var email = NewEmail();
        var first = await fixture.InviteAsync(email);
        var second = await fixture.InviteAsync(email);
        using var client = fixture.CreateAccountsClient();

        // Act
        var old = await client.GetDocumentAsync(first);
        var current = await client.GetDocumentAsync(second);

        // Assert
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
        Assert.Equal("This invitation has been replaced", old.One("h1").TextOf());
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownInvitation_Returns404WithExplanation()
    {
        // Arrange
        using var client = fixture.CreateAccountsClient();

        // Act
        var page = await client.GetDocumentAsync("/account/invitation/" + new string('a', 43));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("This invitation link is not recognised", page.One("h1").TextOf());
    }

    [Fact]
    public async Task Get_Invitation_StoresOnlyTheTokenHash()
    {
        // Arrange
        var email = NewEmail();

        // Act
        var link = await fixture.InviteAsync(email);

        // Assert
        var token = link[(link.LastIndexOf('/') + 1)..];
        var stored = await fixture.WithDbContextAsync(db => db.Invitations.Where(i => i.User!.Email == email).Select(i => i.TokenHash).SingleAsync());
        Assert.Equal(43, token.Length);
        Assert.Equal(InvitationTokens.Hash(token), stored);
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password1234", "too common")]
    [InlineData("123456789012", "too common")]
    [InlineData("Qwertyuiop123", "too common")]
    [InlineData("short pass", "at least 12 characters")]
    [InlineData("", "Enter a password")]
    public async Task Post_WeakPassword_Returns400WithMessageOnTheField(string password, string message)
    {
        // Arrange
        var email = NewEmail();
        var link = await fixture.InviteAsync(email);
        using var client = fixture.CreateAccountsClient();
        var invitation = await client.GetDocumentAsync(link);

        // Act
        var page = await client.SubmitAsync(invitation, Fields(("Password", password), ("ConfirmPassword", password)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertErrorSummaryContains(page.Document, message);
        HtmlAssertions.AssertFieldError(page.Document, "Password", message);
        Assert.StartsWith("Error: ", page.Document.Title, StringComparison.Ordinal);
        Assert.Null(await fixture.WithDbContextAsync(db => db.Invitations.Where(i => i.User!.Email == email).Select(i => i.UsedAt).SingleAsync()));
    }

    [Fact]
    public async Task Post_PasswordLongerThan256Characters_Returns400()
    {
        // Arrange
        var password = string.Concat(Enumerable.Repeat("long words ", 24));
        var link = await fixture.InviteAsync(NewEmail());
        using var client = fixture.CreateAccountsClient();
        var invitation = await client.GetDocumentAsync(link);

        // Act
        var page = await client.SubmitAsync(invitation, Fields(("Password", password), ("ConfirmPassword", password)));

        // Assert
        Assert.True(password.Length > 256);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "Password", "256 characters or fewer");
    }

    [Fact]
    public async Task Post_PasswordsThatDoNotMatch_Returns400()
    {
        // Arrange
        var link = await fixture.InviteAsync(NewEmail());
        using var client = fixture.CreateAccountsClient();
        var invitation = await client.GetDocumentAsync(link);

        // Act
        var page = await client.SubmitAsync(invitation, Fields(("Password", GoodPassword), ("ConfirmPassword", GoodPassword + "x")));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "ConfirmPassword", "Enter the same password twice");
    }

    [Fact]
    public async Task Post_InvitationWithoutAntiforgeryToken_Returns400AndKeepsTheLink()
    {
        // Arrange
        var email = NewEmail();
        var link = await fixture.InviteAsync(email);
        using var client = fixture.CreateAccountsClient();
        await client.GetDocumentAsync(link);

        // Act
        var page = await client.PostFormAsync(link, Fields(("Password", GoodPassword), ("ConfirmPassword", GoodPassword)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(await fixture.WithDbContextAsync(db => db.Invitations.Where(i => i.User!.Email == email).Select(i => i.UsedAt).SingleAsync()));
    }

    internal static string NewEmail() => $"person-{Guid.NewGuid():N}@example.org";

    internal static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
}

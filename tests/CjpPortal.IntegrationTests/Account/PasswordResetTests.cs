using System.Net;
using System.Text.RegularExpressions;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Account.InvitationTests;

namespace CjpPortal.IntegrationTests.Account;

/// <summary>Password reset by e-mail: the link arrives in the outbox, works once, and ends other sessions.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class PasswordResetTests(PortalFixture fixture)
{
    private const string OldPassword = "orange kettle granite falcon";
    private const string NewPassword = "purple lighthouse swimming otter";

    [Fact]
    public async Task Post_ResetLinkFromEmail_ChangesPasswordOnceAndSignsOutOtherSessions()
    {
        // Arrange
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, OldPassword, Roles.Coordinator);
        using var otherDevice = fixture.CreateAccountsClient();
        await otherDevice.SignInAsync(email, OldPassword, key);
        using var client = fixture.CreateAccountsClient();
        var forgot = await client.GetDocumentAsync("/account/forgot-password");
        var requested = await client.SubmitAsync(forgot, Fields(("Email", email)));
        var confirmation = await client.GetDocumentAsync("/account/forgot-password");
        var link = await ResetLinkAsync(email);

        // Act
        var resetForm = await client.GetDocumentAsync(link);
        var changed = await client.SubmitAsync(resetForm, Fields(("Password", NewPassword), ("ConfirmPassword", NewPassword)));
        var reused = await client.GetDocumentAsync(link);
        using var oldClient = fixture.CreateAccountsClient();
        var oldPassword = await oldClient.SignInAsync(email, OldPassword, authenticatorKey: null);
        using var newClient = fixture.CreateAccountsClient();
        var newPassword = await newClient.SignInAsync(email, NewPassword, key);
        var start = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        HttpResponseMessage otherDeviceAfter;
        try
        {
            otherDeviceAfter = await otherDevice.GetAsync(new Uri("/manage", UriKind.Relative));
        }
        finally
        {
            fixture.Clock.SetUtcNow(start);
        }

        // Assert
        Assert.Equal("/account/forgot-password", requested.Response.Headers.Location?.OriginalString);
        Assert.Contains(email, confirmation.One("#reset-sent").TextOf(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, resetForm.StatusCode);
        Assert.Equal("/account/sign-in", changed.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oldPassword.StatusCode);
        Assert.Equal("/manage", newPassword.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, otherDeviceAfter.StatusCode);
        Assert.StartsWith("/account/sign-in", otherDeviceAfter.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ResetLink_CopiedCookieFromBeforeIsRefusedAtOnce()
    {
        // Arrange
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, OldPassword, Roles.Coordinator);
        using var otherDevice = fixture.CreateAccountsClient();
        var copied = (await otherDevice.SignInAsync(email, OldPassword, key)).SignInCookie();
        var before = await fixture.GetWithCookieAsync("/manage", copied);
        using var client = fixture.CreateAccountsClient();
        await client.SubmitAsync(await client.GetDocumentAsync("/account/forgot-password"), Fields(("Email", email)));
        var resetForm = await client.GetDocumentAsync(await ResetLinkAsync(email));

        // Act: no clock moved
        var changed = await client.SubmitAsync(resetForm, Fields(("Password", NewPassword), ("ConfirmPassword", NewPassword)));
        var replayed = await fixture.GetWithCookieAsync("/manage", copied);
        var otherDeviceAfter = await otherDevice.GetAsync(new Uri("/manage", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("/account/sign-in", changed.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/sign-in", replayed.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("/account/sign-in", otherDeviceAfter.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ResetLinkWhileLockedOut_UnlocksTheAccount()
    {
        // Arrange: someone has locked the account by guessing passwords
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, OldPassword, Roles.Coordinator);
        using var attacker = fixture.CreateAccountsClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await attacker.SignInAsync(email, $"a guessed password {attempt}", authenticatorKey: null);
        }

        using var client = fixture.CreateAccountsClient();
        var lockedOut = await client.SignInAsync(email, OldPassword, key);
        await client.SubmitAsync(await client.GetDocumentAsync("/account/forgot-password"), Fields(("Email", email)));
        var resetForm = await client.GetDocumentAsync(await ResetLinkAsync(email));

        // Act
        await client.SubmitAsync(resetForm, Fields(("Password", NewPassword), ("ConfirmPassword", NewPassword)));
        var signedIn = await client.SignInAsync(email, NewPassword, key);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, lockedOut.StatusCode);
        Assert.Contains("reset your password", lockedOut.One("#Email-error").TextOf(), StringComparison.Ordinal);
        Assert.Equal("/manage", signedIn.Response.Headers.Location?.OriginalString);
        var stored = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(0, stored.AccessFailedCount);
    }

    [Fact]
    public async Task Post_ForgotPasswordWithForgedHostHeader_LinkUsesTheConfiguredAddress()
    {
        // Arrange
        var email = NewEmail();
        await fixture.CreateEnrolledUserAsync(email, OldPassword);
        using var factory = fixture.AccountsFactory().WithWebHostBuilder(builder =>
            builder.UseSetting(CreateAdminCommand.BaseUrlKey, "https://portal.example.org"));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = "attacker.example.net";
        var forgot = await client.GetDocumentAsync("/account/forgot-password");

        // Act
        await client.SubmitAsync(forgot, Fields(("Email", email)));

        // Assert
        var body = await fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.To == email).Select(e => e.TextBody).SingleAsync());
        Assert.Contains("https://portal.example.org/account/reset-password/", body, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ForgotPasswordForAddressWithoutAccount_SameAnswerAndNoEmail()
    {
        // Arrange
        var email = NewEmail();
        using var client = fixture.CreateAccountsClient();
        var forgot = await client.GetDocumentAsync("/account/forgot-password");

        // Act
        var requested = await client.SubmitAsync(forgot, Fields(("Email", email)));
        var confirmation = await client.GetDocumentAsync("/account/forgot-password");

        // Assert
        Assert.Equal("/account/forgot-password", requested.Response.Headers.Location?.OriginalString);
        Assert.Contains(email, confirmation.One("#reset-sent").TextOf(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.EmailOutbox.CountAsync(e => e.To == email)));
    }

    [Theory]
    [InlineData("", "Enter your email address")]
    [InlineData("not an email address", "Enter an email address in the correct format")]
    public async Task Post_ForgotPasswordWithInvalidEmail_Returns400(string email, string message)
    {
        // Arrange
        using var client = fixture.CreateAccountsClient();
        var forgot = await client.GetDocumentAsync("/account/forgot-password");

        // Act
        var page = await client.SubmitAsync(forgot, Fields(("Email", email)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "Email", message);
    }

    [Fact]
    public async Task Get_TamperedResetLink_ExplainsAndOffersANewOne()
    {
        // Arrange
        using var client = fixture.CreateAccountsClient();

        // Act
        var page = await client.GetDocumentAsync("/account/reset-password/bm90LWEtdG9rZW4");

        // Assert
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Equal("This reset link does not work", page.One("h1").TextOf());
        Assert.NotNull(page.Document.QuerySelector("a[href='/account/forgot-password']"));
    }

    private async Task<string> ResetLinkAsync(string email)
    {
        var body = await fixture.WithDbContextAsync(db => db.EmailOutbox
            .Where(e => e.To == email)
            .OrderByDescending(e => e.Id)
            .Select(e => e.TextBody)
            .FirstAsync());
        var match = ResetLink().Match(body);
        Assert.True(match.Success, body);
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password/[A-Za-z0-9_-]+")]
    private static partial Regex ResetLink();
}

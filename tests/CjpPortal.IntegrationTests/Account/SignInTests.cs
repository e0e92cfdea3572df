using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using CjpPortal.Web.Pages.Account.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CjpPortal.IntegrationTests.Account.InvitationTests;

namespace CjpPortal.IntegrationTests.Account;

/// <summary>Signing in with a password and a second factor, lockout, rate limiting, and the two-factor rule for
/// the editing areas.</summary>
[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Tests here assign coordinators to partnerships; other classes count those assignments.</summary>
    public Task DisposeAsync() => fixture.ResetDataAsync();

    private const string Password = "marmalade harbour bicycle";

    [Fact]
    public async Task Post_PasswordAndAuthenticatorCode_SignsInToDashboard()
    {
        // Arrange
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password, Roles.Coordinator, "orkney");
        using var client = fixture.CreateAccountsClient();

        // Act
        var signedIn = await client.SignInAsync(email, Password, key);
        var dashboard = await client.GetDocumentAsync("/manage");

        // Assert
        Assert.Equal("/manage", signedIn.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Orkney", dashboard.One("#partnerships").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RecoveryCode_SignsInOnceOnly()
    {
        // Arrange
        var email = NewEmail();
        await fixture.CreateEnrolledUserAsync(email, Password, Roles.Coordinator);
        var code = await WithUsersAsync(async users =>
            (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 2))!.First());
        using var client = fixture.CreateAccountsClient();
        using var secondClient = fixture.CreateAccountsClient();

        // Act
        var first = await SignInWithCodeAsync(client, email, code);
        var second = await SignInWithCodeAsync(secondClient, email, code);

        // Assert
        Assert.Equal("/manage", first.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        HtmlAssertions.AssertFieldError(second.Document, "Code", "The code is not correct");
    }

    [Fact]
    public async Task Post_SameAuthenticatorCodeTwice_SecondIsRefusedAndTheNextCodeWorks()
    {
        // Arrange: one code, as someone watching over a shoulder (or a phishing page) would capture it.
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password);
        var now = DateTimeOffset.UtcNow;
        var code = Totp.Code(key, now);
        using var client = fixture.CreateAccountsClient();
        using var secondClient = fixture.CreateAccountsClient();

        // Act
        var first = await SignInWithCodeAsync(client, email, code);
        var again = await SignInWithCodeAsync(secondClient, email, code);
        var manage = await secondClient.GetAsync(new Uri("/manage", UriKind.Relative));
        var nextCode = await secondClient.SubmitAsync(again, Fields(("Code", Totp.Code(key, now.AddSeconds(30)))));

        // Assert
        Assert.Equal("/manage", first.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        HtmlAssertions.AssertFieldError(again.Document, "Code", "The code is not correct");
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.StartsWith("/account/sign-in", manage.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("/manage", nextCode.Response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Post_CodeOlderThanTheLastAcceptedOne_IsRefused()
    {
        // Arrange: the user signed in with the next code already (their phone runs a little fast).
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password);
        var now = DateTimeOffset.UtcNow;
        using var client = fixture.CreateAccountsClient();
        using var secondClient = fixture.CreateAccountsClient();
        await SignInWithCodeAsync(client, email, Totp.Code(key, now.AddSeconds(30)));

        // Act
        var older = await SignInWithCodeAsync(secondClient, email, Totp.Code(key, now));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, older.StatusCode);
        HtmlAssertions.AssertFieldError(older.Document, "Code", "The code is not correct");
    }

    [Fact]
    public async Task Post_WrongAuthenticatorCode_Returns400WithMessageOnTheField()
    {
        // Arrange
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password);
        var wrong = ((int.Parse(Totp.Code(key), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        using var client = fixture.CreateAccountsClient();

        // Act
        var page = await SignInWithCodeAsync(client, email, wrong);
        var manage = await client.GetAsync(new Uri("/manage", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "Code", "The code is not correct");
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.StartsWith("/account/sign-in", manage.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongPassword_Returns400WithoutSayingWhichPartWasWrong()
    {
        // Arrange
        var email = NewEmail();
        await fixture.CreateEnrolledUserAsync(email, Password);
        using var client = fixture.CreateAccountsClient();

        // Act
        var wrongPassword = await client.SignInAsync(email, "not the right password", authenticatorKey: null);
        var unknownEmail = await client.SignInAsync(NewEmail(), Password, authenticatorKey: null);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        HtmlAssertions.AssertFieldError(wrongPassword.Document, "Email", IndexModel.FailedMessage);
        Assert.Equal(HttpStatusCode.BadRequest, unknownEmail.StatusCode);
        HtmlAssertions.AssertFieldError(unknownEmail.Document, "Email", IndexModel.FailedMessage);
    }

    [Fact]
    public async Task Post_EmptySignInForm_Returns400WithBothFieldErrors()
    {
        // Arrange
        using var client = fixture.CreateAccountsClient();
        var form = await client.GetDocumentAsync("/account/sign-in");

        // Act
        var page = await client.SubmitAsync(form, Fields(("Email", ""), ("Password", "")));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "Email", "Enter your email address");
        HtmlAssertions.AssertFieldError(page.Document, "Password", "Enter your password");
    }

    [Fact]
    public async Task Post_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        // Arrange
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password);
        using var client = fixture.CreateAccountsClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var failed = await client.SignInAsync(email, $"wrong password number {attempt}", authenticatorKey: null);
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        // Act
        var page = await client.SignInAsync(email, Password, key);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "Email", IndexModel.FailedMessage);
        var lockoutEnd = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
    }

    [Fact]
    public async Task Post_FiveWrongAuthenticatorCodes_LocksTheAccount()
    {
        // Arrange
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password);
        var wrong = ((int.Parse(Totp.Code(key), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        using var client = fixture.CreateAccountsClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var failed = await SignInWithCodeAsync(client, email, wrong);
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        // Act
        using var laterClient = fixture.CreateAccountsClient();
        var page = await laterClient.SignInAsync(email, Password, key);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "Email", IndexModel.FailedMessage);
        Assert.NotNull(await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task Post_LockedAccountAndUnknownAddress_GetTheSameAnswer()
    {
        // Arrange: five wrong passwords for a real account and for an address with no account
        var known = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(known, Password);
        var unknown = NewEmail();
        using var client = fixture.CreateAccountsClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync(known, $"wrong password number {attempt}", authenticatorKey: null);
            await client.SignInAsync(unknown, $"wrong password number {attempt}", authenticatorKey: null);
        }

        // Act
        var locked = await client.SignInAsync(known, Password, key);
        var lockedWrongPassword = await client.SignInAsync(known, "yet another wrong password", key);
        var noAccount = await client.SignInAsync(unknown, Password, authenticatorKey: null);

        // Assert
        Assert.NotNull(await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == known).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, lockedWrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noAccount.StatusCode);
        Assert.Equal(noAccount.One("#Email-error").TextOf(), locked.One("#Email-error").TextOf());
        Assert.Equal(noAccount.One("#Email-error").TextOf(), lockedWrongPassword.One("#Email-error").TextOf());
        Assert.Equal(noAccount.One(".ds_error-summary").TextOf(), locked.One(".ds_error-summary").TextOf());
        Assert.Contains("reset your password", noAccount.One("#Email-error").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AddressWithoutAUsablePassword_ChecksAPasswordHashLikeAKnownAddress()
    {
        // Arrange: a host whose password hasher counts the hashes it checks. The time a sign-in takes is the time of
        // one hash check (PBKDF2), so an answer without one tells an attacker the address has no usable account.
        var counter = new HashCounter();
        using var factory = fixture.AccountsFactory().WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IPasswordHasher<ApplicationUser>>(provider => new CountingPasswordHasher(
                new PasswordHasher<ApplicationUser>(provider.GetService<Microsoft.Extensions.Options.IOptions<PasswordHasherOptions>>()), counter))));
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var known = NewEmail();
        await fixture.CreateEnrolledUserAsync(known, Password);
        var locked = NewEmail();
        await fixture.CreateEnrolledUserAsync(locked, Password);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync(locked, $"wrong password number {attempt}", authenticatorKey: null);
        }

        var invited = NewEmail();
        await fixture.InviteAsync(invited, Roles.Coordinator);

        // Act
        var checks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, email) in new[] { ("known", known), ("unknown", NewEmail()), ("locked", locked), ("invited", invited) })
        {
            counter.Reset();
            var answer = await client.SignInAsync(email, "not the right password", authenticatorKey: null);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            checks[name] = counter.Count;
        }

        // Assert
        Assert.Equal(new Dictionary<string, int>(StringComparer.Ordinal) { ["known"] = 1, ["unknown"] = 1, ["locked"] = 1, ["invited"] = 1 }, checks);
    }

    [Fact]
    public async Task Post_FiveWrongRecoveryCodes_LocksTheAccount()
    {
        // Arrange
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password);
        using var client = fixture.CreateAccountsClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var failed = await SignInWithCodeAsync(client, email, $"WRONG-{attempt}CODE");
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        // Act
        using var laterClient = fixture.CreateAccountsClient();
        var page = await laterClient.SignInAsync(email, Password, key);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var stored = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(stored);
    }

    [Fact]
    public async Task Post_RightRecoveryCodeAfterLockout_IsRefused()
    {
        // Arrange: the account is locked by wrong authenticator codes during this same two-factor step
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password);
        var recoveryCode = await WithUsersAsync(async users =>
            (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 2))!.First());
        var wrong = ((int.Parse(Totp.Code(key), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        using var client = fixture.CreateAccountsClient();
        var codePage = await SignInWithCodeAsync(client, email, wrong);
        for (var attempt = 1; attempt < 5; attempt++)
        {
            codePage = await client.SubmitAsync(codePage, Fields(("Code", wrong)));
        }

        // Act
        var page = await client.SubmitAsync(codePage, Fields(("Code", recoveryCode)));
        var manage = await client.GetAsync(new Uri("/manage", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("locked", page.One("#Code-error").TextOf(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.StartsWith("/account/sign-in", manage.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SignInWithoutAntiforgeryToken_Returns400()
    {
        // Arrange
        var email = NewEmail();
        await fixture.CreateEnrolledUserAsync(email, Password);
        using var client = fixture.CreateAccountsClient();
        await client.GetDocumentAsync("/account/sign-in");

        // Act
        var page = await client.PostFormAsync("/account/sign-in", Fields(("Email", email), ("Password", Password)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Response.Headers.Location);
        Assert.DoesNotContain(page.Response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("Identity.TwoFactorUserId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ManageAnonymously_RedirectsToSignIn()
    {
        // Arrange
        using var client = fixture.CreateAccountsClient();

        // Act
        var response = await client.GetAsync(new Uri("/manage", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=%2Fmanage", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ManageSignedInWithoutTwoFactor_IsForbiddenAndSignInAsksForAnAuthenticator()
    {
        // Arrange: the invited coordinator set a password but not an authenticator app
        var email = NewEmail();
        var link = await fixture.InviteAsync(email, Roles.Coordinator, "falkirk");
        using var client = fixture.CreateAccountsClient();
        var invitation = await client.GetDocumentAsync(link);
        await client.SubmitAsync(invitation, Fields(("Password", Password), ("ConfirmPassword", Password)));
        using var later = fixture.CreateAccountsClient();

        // Act
        var manage = await client.GetAsync(new Uri("/manage", UriKind.Relative));
        var signIn = await later.SignInAsync(email, Password, authenticatorKey: null);
        var manageLater = await later.GetAsync(new Uri("/manage", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.StartsWith("/status/403", manage.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("/account/authenticator", signIn.Response.Headers.Location?.OriginalString);
        Assert.StartsWith("/status/403", manageLater.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ManageAsCjsStaff_IsForbidden()
    {
        // Arrange
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password, Roles.CjsStaff);
        using var client = fixture.CreateAccountsClient();
        var signedIn = await client.SignInAsync(email, Password, key);

        // Act
        var manage = await client.GetAsync(new Uri("/manage", UriKind.Relative));

        // Assert: CJS staff start at national administration, not the coordinators' dashboard
        Assert.Equal("/national", signedIn.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.StartsWith("/status/403", manage.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterSecurityStampChanged_SignsOutWithinAMinute()
    {
        // Arrange
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password, Roles.Coordinator);
        using var client = fixture.CreateAccountsClient();
        await client.SignInAsync(email, Password, key);
        var before = await client.GetAsync(new Uri("/manage", UriKind.Relative));
        await WithUsersAsync(async users => await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!));
        var start = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        HttpResponseMessage after;
        try
        {
            // Act
            after = await client.GetAsync(new Uri("/manage", UriKind.Relative));
        }
        finally
        {
            fixture.Clock.SetUtcNow(start);
        }

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SignOut_EndsTheSession()
    {
        // Arrange
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password, Roles.Coordinator);
        using var client = fixture.CreateAccountsClient();
        await client.SignInAsync(email, Password, key);
        var page = await client.GetDocumentAsync("/account/sign-out");

        // Act
        var signedOut = await client.SubmitAsync(page, Fields());
        var manage = await client.GetAsync(new Uri("/manage", UriKind.Relative));

        // Assert
        Assert.Equal("/account/sign-in", signedOut.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.StartsWith("/account/sign-in", manage.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TooManySignInAttemptsFromOneAddress_Returns429()
    {
        // Arrange: the fixture's own host keeps the production limit of 10 posts a minute
        using var client = fixture.CreateClient();
        var responses = new List<HttpStatusCode>();

        // Act
        for (var attempt = 0; attempt < 11; attempt++)
        {
            using var content = new FormUrlEncodedContent(Fields(("Email", "nobody@example.org"), ("Password", "whatever it is")));
            responses.Add((await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), content)).StatusCode);
        }

        var page = await client.GetDocumentAsync("/account/sign-in");

        // Assert
        Assert.All(responses.Take(10), status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, responses[10]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static async Task<HtmlPage> SignInWithCodeAsync(HttpClient client, string email, string code)
    {
        var form = await client.GetDocumentAsync("/account/sign-in");
        var afterPassword = await client.SubmitAsync(form, Fields(("Email", email), ("Password", Password)));
        Assert.Equal("/account/sign-in/two-factor", afterPassword.Response.Headers.Location?.OriginalString);
        var codeForm = await client.GetDocumentAsync("/account/sign-in/two-factor");
        return await client.SubmitAsync(codeForm, Fields(("Code", code)));
    }

    private async Task<T> WithUsersAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    private sealed class HashCounter
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Increment() => Interlocked.Increment(ref count);

        public void Reset() => Volatile.Write(ref count, 0);
    }

    private sealed class CountingPasswordHasher(PasswordHasher<ApplicationUser> inner, HashCounter counter) : IPasswordHasher<ApplicationUser>
    {
        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            counter.Increment();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using static CjpPortal.IntegrationTests.Account.InvitationTests;

namespace CjpPortal.IntegrationTests.Account;

/// <summary>The header says who is signed in, on every page, and public pages come from the output cache: a cached
/// page never shows one person's address to another, and a signed-in person never gets the cached signed-out header.</summary>
public sealed class HeaderTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Password = "copper meadow lantern heron";

    [Theory]
    [InlineData("/about")]
    [InlineData("/partnerships")]
    [InlineData("/account")]
    public async Task Get_PageWhileSignedIn_HeaderShowsAddressAccountLinkAndSignOutForm(string url)
    {
        // Arrange
        var user = await Fixture.CreateUserAsync(Roles.Coordinator, "falkirk");
        using var client = Fixture.CreateClientAs(user.Id);

        // Act
        var page = await client.GetDocumentAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var bar = page.Document.QuerySelector("header #signed-in");
        Assert.NotNull(bar);
        Assert.Contains($"Signed in as {user.Email}", bar.TextOf(), StringComparison.Ordinal);
        var account = bar.QuerySelector("a[href='/account']");
        Assert.NotNull(account);
        Assert.Equal("Your account", account.TextOf());
        var form = bar.QuerySelector("form");
        Assert.NotNull(form);
        Assert.Equal("post", form.GetAttribute("method"), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("/account/sign-out", form.GetAttribute("action"));
        Assert.False(string.IsNullOrEmpty(form.QuerySelector($"input[type=hidden][name={Forms.AntiforgeryField}]")?.GetAttribute("value")));
        Assert.Equal("Sign out", form.QuerySelector("button[type=submit]")?.TextOf());
    }

    [Fact]
    public async Task Post_SignOutFormInTheHeader_SignsOutEverywhereAndSaysSo()
    {
        // Arrange
        var email = NewEmail();
        var key = await Fixture.CreateEnrolledUserAsync(email, Password, Roles.Coordinator, "falkirk");
        using var client = Fixture.CreateAccountsClient();
        var copied = (await client.SignInAsync(email, Password, key)).SignInCookie();
        var page = await client.GetDocumentAsync("/partnerships");

        // Act
        var signedOut = await client.SubmitAsync(page, Fields(), "header #signed-in form");
        var signIn = await client.GetDocumentAsync("/account/sign-in");
        var replayed = await Fixture.GetWithCookieAsync("/account", copied);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Response.StatusCode);
        Assert.Equal("/account/sign-in", signedOut.Response.Headers.Location?.OriginalString);
        Assert.Contains("You have signed out on every device where you were signed in.", signIn.Document.GetElementById("banner")?.TextOf(), StringComparison.Ordinal);
        Assert.Null(signIn.Document.QuerySelector("#signed-in"));
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/sign-in", replayed.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PublicPageWhileSignedIn_FooterHasNoSignInLink()
    {
        // Arrange
        var user = await Fixture.CreateUserAsync(Roles.CjsStaff);
        using var client = Fixture.CreateClientAs(user.Id);
        using var anonymous = Fixture.CreateAccountsClient();

        // Act
        var signedIn = await client.GetDocumentAsync("/accessibility");
        var signedOut = await anonymous.GetDocumentAsync("/accessibility");

        // Assert
        Assert.Empty(signedIn.Document.QuerySelectorAll("footer a[href='/account/sign-in']"));
        Assert.Single(signedOut.Document.QuerySelectorAll("footer a[href='/account/sign-in']"));
        Assert.Null(signedOut.Document.QuerySelector("#signed-in"));
    }

    [Fact]
    public async Task Get_CachedPublicPageAnonymousAfterSignedIn_ShowsNoAddressAndTheSignInLink()
    {
        // Arrange: a person signed in through the real pages opens a public page first
        var email = NewEmail();
        var key = await Fixture.CreateEnrolledUserAsync(email, Password, Roles.Coordinator, "falkirk");
        using var client = Fixture.CreateAccountsClient();
        await client.SignInAsync(email, Password, key);
        var signedIn = await client.GetDocumentAsync("/about");
        using var anonymous = Fixture.CreateAccountsClient();

        // Act
        var first = await anonymous.GetDocumentAsync("/about");
        var second = await anonymous.GetDocumentAsync("/about");

        // Assert
        Assert.Contains(email, signedIn.Document.QuerySelector("#signed-in")?.TextOf() ?? string.Empty, StringComparison.Ordinal);
        foreach (var page in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
            Assert.DoesNotContain(email, page.Document.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
            Assert.Null(page.Document.QuerySelector("#signed-in"));
            Assert.Single(page.Document.QuerySelectorAll("footer a[href='/account/sign-in']"));
        }

        // The second anonymous answer is the cached one.
        Assert.True(second.Response.Headers.Age is not null, "Expected the second anonymous request to be served from the output cache (an Age header).");
    }

    [Fact]
    public async Task Get_CachedPublicPageSignedInAfterAnonymous_ShowsTheSignedInHeader()
    {
        // Arrange: the anonymous page is in the cache
        using var anonymous = Fixture.CreateAccountsClient();
        await anonymous.GetDocumentAsync("/about");
        var cached = await anonymous.GetDocumentAsync("/about");
        var email = NewEmail();
        var key = await Fixture.CreateEnrolledUserAsync(email, Password, Roles.Coordinator, "falkirk");
        using var client = Fixture.CreateAccountsClient();
        await client.SignInAsync(email, Password, key);

        // Act
        var page = await client.GetDocumentAsync("/about");

        // Assert
        Assert.True(cached.Response.Headers.Age is not null, "Expected the anonymous page to be in the output cache.");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Null(page.Response.Headers.Age);
        Assert.Contains($"Signed in as {email}", page.Document.QuerySelector("#signed-in")?.TextOf() ?? string.Empty, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("footer a[href='/account/sign-in']"));
    }

    [Fact]
    public async Task Get_PublicPageWithCookieCopiedBeforeSignOut_ShowsTheSignedOutHeader()
    {
        // Arrange: a copy of the cookie taken before signing out (ASVS 3.3.1) must not show the person as signed in
        var email = NewEmail();
        var key = await Fixture.CreateEnrolledUserAsync(email, Password, Roles.Coordinator, "falkirk");
        using var client = Fixture.CreateAccountsClient();
        var copied = (await client.SignInAsync(email, Password, key)).SignInCookie();
        var before = await Html.ParseAsync(await Fixture.GetWithCookieAsync("/about", copied));
        var signOut = await client.GetDocumentAsync("/account/sign-out");
        await client.SubmitAsync(signOut, Fields());

        // Act
        var after = await Html.ParseAsync(await Fixture.GetWithCookieAsync("/about", copied));

        // Assert
        Assert.NotNull(before.Document.QuerySelector("#signed-in"));
        Assert.Equal(HttpStatusCode.OK, after.Response.StatusCode);
        Assert.Null(after.Document.QuerySelector("#signed-in"));
        Assert.DoesNotContain(email, after.Document.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
    }
}

using System.Security.Claims;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CjpPortal.UnitTests.Infrastructure.Auth;

public sealed class KeptAntiforgeryTokensTests
{
    private const string CookieName = "cjp-antiforgery";

    [Fact]
    public void GetAndStoreTokens_SameCookieAndUser_HandsOutTheFirstTokenWithNoCacheHeaders()
    {
        // Arrange
        var (kept, inner, _) = Create();

        // Act
        var first = kept.GetAndStoreTokens(Request("cookie-1", User("user-a")));
        var secondContext = Request("cookie-1", User("user-a"));
        var second = kept.GetAndStoreTokens(secondContext);

        // Assert
        Assert.Equal(1, inner.Calls);
        Assert.Same(first, second);
        Assert.Equal("no-cache, no-store", secondContext.Response.Headers.CacheControl.ToString());
        Assert.Equal("no-cache", secondContext.Response.Headers.Pragma.ToString());
    }

    [Fact]
    public void GetAndStoreTokens_AnotherUserOrCookie_AsksAntiforgeryAgain()
    {
        // Arrange
        var (kept, inner, _) = Create();
        kept.GetAndStoreTokens(Request("cookie-1", User("user-a")));

        // Act
        var otherUser = kept.GetAndStoreTokens(Request("cookie-1", User("user-b")));
        var otherCookie = kept.GetAndStoreTokens(Request("cookie-2", User("user-a")));
        var anonymous = kept.GetAndStoreTokens(Request("cookie-1", new ClaimsPrincipal(new ClaimsIdentity())));

        // Assert
        Assert.Equal(4, inner.Calls);
        Assert.Equal(4, new[] { "token-1", otherUser.RequestToken, otherCookie.RequestToken, anonymous.RequestToken }.Distinct().Count());
    }

    [Fact]
    public void GetAndStoreTokens_NoCookieOrACookieThatWasReplaced_KeepsNothing()
    {
        // Arrange: a new cookie token means the request's cookie was missing or refused
        var (kept, inner, _) = Create();
        inner.IssueNewCookie = true;

        // Act
        kept.GetAndStoreTokens(Request("forged", User("user-a")));
        kept.GetAndStoreTokens(Request("forged", User("user-a")));
        kept.GetAndStoreTokens(Request(null, User("user-a")));
        kept.GetAndStoreTokens(Request(null, User("user-a")));

        // Assert
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public void GetAndStoreTokens_SignedInWithoutAnIdentifierClaim_KeepsNothing()
    {
        // Arrange: ASP.NET Core then binds the token to all the claims, which the key does not name
        var (kept, inner, _) = Create();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, "Coordinator")], "Test"));

        // Act
        kept.GetAndStoreTokens(Request("cookie-1", user));
        kept.GetAndStoreTokens(Request("cookie-1", user));

        // Assert
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public void GetAndStoreTokens_AfterAMinute_AsksAntiforgeryAgain()
    {
        // Arrange
        var (kept, inner, clock) = Create();
        kept.GetAndStoreTokens(Request("cookie-1", User("user-a")));

        // Act
        clock.Advance(KeptAntiforgeryTokens.KeptFor);
        kept.GetAndStoreTokens(Request("cookie-1", User("user-a")));

        // Assert
        Assert.Equal(2, inner.Calls);
    }

    private static (KeptAntiforgeryTokens Kept, CountingAntiforgery Inner, FakeTimeProvider Clock) Create()
    {
        var inner = new CountingAntiforgery();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new AntiforgeryOptions { Cookie = { Name = CookieName } });
        return (new KeptAntiforgeryTokens(inner, options, clock), inner, clock);
    }

    private static ClaimsPrincipal User(string id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, id + "@example.org")], "Identity.Application"));

    private static DefaultHttpContext Request(string? cookie, ClaimsPrincipal user)
    {
        var context = new DefaultHttpContext { User = user };
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"{CookieName}={cookie}";
        }

        return context;
    }

    private sealed class CountingAntiforgery : IAntiforgery
    {
        public int Calls { get; private set; }

        public bool IssueNewCookie { get; set; }

        public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
        {
            Calls++;
            return new AntiforgeryTokenSet("token-" + Calls, IssueNewCookie ? "new-cookie-" + Calls : null, "__RequestVerificationToken", null);
        }

        public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => throw new NotSupportedException();

        public Task<bool> IsRequestValidAsync(HttpContext httpContext) => throw new NotSupportedException();

        public Task ValidateRequestAsync(HttpContext httpContext) => throw new NotSupportedException();

        public void SetCookieTokenAndHeader(HttpContext httpContext) => throw new NotSupportedException();
    }
}

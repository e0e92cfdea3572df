using System.Security.Claims;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace CjpPortal.UnitTests.Infrastructure.Auth;

public sealed class KeptTicketFormatTests
{
    [Fact]
    public void Unprotect_SameCookieTwice_ReadsItOnceAndGivesEachRequestItsOwnCopy()
    {
        // Arrange
        var (format, inner, _) = Create();

        // Act: the second and third requests are both given the kept ticket
        format.Unprotect("cookie-a");
        var second = format.Unprotect("cookie-a");
        second!.Properties.Items["changed"] = "by the second request";
        ((ClaimsIdentity)second.Principal.Identity!).AddClaim(new Claim("added", "by the second request"));
        var third = format.Unprotect("cookie-a");

        // Assert
        Assert.Equal(1, inner.Reads);
        Assert.NotSame(second, third);
        Assert.Equal("user-a", third!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.False(third.Properties.Items.ContainsKey("changed"));
        Assert.Null(third.Principal.FindFirst("added"));
    }

    [Fact]
    public void Unprotect_ARefusedCookie_IsReadEveryTime()
    {
        // Arrange
        var (format, inner, _) = Create();

        // Act
        var first = format.Unprotect("forged");
        var second = format.Unprotect("forged");

        // Assert
        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(2, inner.Reads);
    }

    [Fact]
    public void Unprotect_AnotherCookieOrPurposeOrAfterAMinute_ReadsItAgain()
    {
        // Arrange
        var (format, inner, clock) = Create();
        format.Unprotect("cookie-a");

        // Act
        format.Unprotect("cookie-b");
        format.Unprotect("cookie-a", "another purpose");
        clock.Advance(KeptTicketFormat.KeptFor);
        format.Unprotect("cookie-a");

        // Assert
        Assert.Equal(4, inner.Reads);
    }

    [Fact]
    public void Protect_IsTheInnerFormats()
    {
        // Arrange
        var (format, _, _) = Create();

        // Act
        var text = format.Protect(Ticket("user-a"));

        // Assert
        Assert.Equal("protected:user-a", text);
    }

    private static (KeptTicketFormat Format, CountingFormat Inner, FakeTimeProvider Clock) Create()
    {
        var inner = new CountingFormat();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        return (new KeptTicketFormat(inner, clock), inner, clock);
    }

    private static AuthenticationTicket Ticket(string user) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user)], "Identity.Application")), "Identity.Application");

    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Reads { get; private set; }

        public string Protect(AuthenticationTicket data) => "protected:" + data.Principal.FindFirstValue(ClaimTypes.NameIdentifier);

        public string Protect(AuthenticationTicket data, string? purpose) => Protect(data);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            return protectedText is "forged" ? null : Ticket("user-a");
        }
    }
}

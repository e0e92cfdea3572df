using System.Net;
using CjpPortal.TestCommon;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static CjpPortal.IntegrationTests.Account.InvitationTests;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>Outside Development and Testing every cookie the portal sets is Secure, even when the request reaches it
/// as plain HTTP: behind a TLS-terminating proxy that is not listed in Portal:KnownProxies the portal cannot tell that
/// the visitor used HTTPS, and a cookie without Secure would then also be sent over an unencrypted connection.</summary>
[Collection(PortalCollection.Name)]
public sealed class SecureCookieTests(PortalFixture fixture)
{
    private const string Password = "granite harbour lantern";

    [Fact]
    public async Task Get_SignInPageInProductionOverPlainHttp_AntiforgeryCookieIsSecure()
    {
        // Arrange
        using var portal = Production();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Act
        var response = await client.GetAsync(new Uri("http://localhost/account/sign-in"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cjp-antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", Attributes(antiforgery));
    }

    [Fact]
    public async Task Post_SignInAndOutInProductionOverPlainHttp_EveryCookieIsSecure()
    {
        // Arrange: the browser would not send Secure cookies back over HTTP, so the jar here does, to follow the whole
        // journey and see every cookie it sets (two-factor, sign-in, TempData banner, deletions).
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password);
        using var portal = Production();
        var jar = new EveryCookieJar();
        using var client = portal.CreateDefaultClient(new Uri("http://localhost"), jar);

        // Act
        var signedIn = await client.SignInAsync(email, Password, key);
        var signOutForm = await client.GetDocumentAsync("/account/sign-out");
        var signedOut = await client.SubmitAsync(signOutForm, new Dictionary<string, string>());
        await client.GetDocumentAsync("/account/sign-in");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains(jar.SetCookies, c => c.StartsWith("cjp-auth=", StringComparison.Ordinal));
        Assert.Contains(jar.SetCookies, c => c.StartsWith("Identity.TwoFactorUserId=", StringComparison.Ordinal));
        Assert.Contains(jar.SetCookies, c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal));
        Assert.All(jar.SetCookies, cookie => Assert.True(Attributes(cookie).Contains("secure"), $"Not Secure: {cookie}"));
    }

    private static HashSet<string> Attributes(string setCookie) =>
        setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.Split('=')[0].ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    private WebApplicationFactory<Web.PortalOptions> Production() =>
        fixture.AccountsFactory().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting(PortalLinks.BaseUrlKey, "https://cjp.example.org");
        });

    /// <summary>Keeps every cookie and sends it back whatever its attributes, recording each Set-Cookie header.</summary>
    private sealed class EveryCookieJar : DelegatingHandler
    {
        private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

        public List<string> SetCookies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    SetCookies.Add(value);
                    var pair = value.Split(';', 2)[0];
                    var (name, content) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                    if (content.Length == 0 || value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        cookies.Remove(name);
                    }
                    else
                    {
                        cookies[name] = content;
                    }
                }
            }

            return response;
        }
    }
}

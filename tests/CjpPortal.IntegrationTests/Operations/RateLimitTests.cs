using System.Net;
using CjpPortal.TestCommon;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>A refused account form post says when to try again.</summary>
[Collection(PortalCollection.Name)]
public sealed class RateLimitTests(PortalFixture fixture)
{
    [Fact]
    public async Task Post_SignInMoreOftenThanTheLimit_Returns429PageWithRetryAfterSeconds()
    {
        // Arrange: a host of its own, so the posts here use up no other test's allowance
        using var portal = fixture.Factory.WithWebHostBuilder(builder => builder.UseSetting(AccountRateLimiting.PermitLimitKey, "2"));
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        HtmlPage? refused = null;

        // Act
        for (var attempt = 0; attempt < 3; attempt++)
        {
            refused = await client.PostFormAsync("/account/sign-in", [KeyValuePair.Create("Email", "nobody@example.org"), KeyValuePair.Create("Password", "whatever it is")]);
        }

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, refused!.StatusCode);
        Assert.Equal("Too many requests", refused.One("h1").TextOf());
        var retryAfter = refused.Response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { } delay && delay > TimeSpan.Zero && delay <= TimeSpan.FromMinutes(1), $"Retry-After: {refused.Response.Headers.RetryAfter}");
    }

    [Fact]
    public async Task Post_SubscribeMoreOftenThanTheLimit_Returns429()
    {
        // Arrange: a host of its own with a limit of 2 subscribe posts a minute
        using var portal = fixture.Factory.WithWebHostBuilder(builder => builder.UseSetting(AccountRateLimiting.SubscribePermitLimitKey, "2"));
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();

        // Act: bad input (nothing saved), so only the limiter decides between 400 and 429
        for (var attempt = 0; attempt < 3; attempt++)
        {
            statuses.Add((await client.PostFormAsync("/subscribe", [KeyValuePair.Create("Email", "")])).StatusCode);
        }

        // Assert
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }
}

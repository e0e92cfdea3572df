using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>Only GET, HEAD and POST reach the portal's pages and endpoints; anything else is 405 with an Allow header,
/// before a page can run without its model. HEAD answers wherever GET does. Every endpoint the app maps is swept, so a
/// new page or endpoint is covered without a change here.</summary>
[Collection(PortalCollection.Name)]
public sealed class HttpMethodTests(PortalFixture fixture) : IAsyncLifetime
{
    private static readonly HttpMethod[] RefusedMethods = [HttpMethod.Trace, HttpMethod.Options, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch];

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The sweep signs in and invites accounts to have real pages to visit.</summary>
    public Task DisposeAsync() => fixture.ResetDataAsync();

    [Fact]
    public async Task Get_TraceOnAPartnershipPage_Returns405WithAllowHeader()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Trace, new Uri("/partnerships/falkirk", UriKind.Relative));

        // Act
        var response = await fixture.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "POST"], AllowedMethods(response));
    }

    [Fact]
    public async Task Get_EveryEndpointWithAnotherMethod_Returns405WithAllowHeader()
    {
        // Arrange
        using var client = await Manage.ManageUsers.SignInAsync(fixture, Roles.Administrator);
        var failures = new List<string>();

        foreach (var url in await UrlsAsync())
        {
            foreach (var method in RefusedMethods)
            {
                using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));

                // Act
                var response = await client.SendAsync(request);

                // Assert (collected, so one run reports every endpoint that is wrong)
                if (response.StatusCode != HttpStatusCode.MethodNotAllowed || !AllowedMethods(response).SequenceEqual(["GET", "HEAD", "POST"]))
                {
                    failures.Add($"{method} {url}: {(int)response.StatusCode}, Allow: {string.Join(", ", AllowedMethods(response))}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Get_EveryEndpointWithHead_ReturnsTheSameStatusAsGet(bool signedIn)
    {
        // Arrange
        using var client = await Manage.ManageUsers.SignInAsync(fixture, signedIn ? Roles.Administrator : null);
        var failures = new List<string>();

        foreach (var url in await UrlsAsync())
        {
            // Act
            var get = await client.GetAsync(new Uri(url, UriKind.Relative));
            using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative));
            var head = await client.SendAsync(request);

            // Assert
            if (head.StatusCode != get.StatusCode)
            {
                failures.Add($"HEAD {url}: {(int)head.StatusCode}, GET: {(int)get.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Get_HeadOfTheCsvBeforeAnyGet_Returns200AndTheNextGetStillHasTheFile()
    {
        // Arrange: nothing cached yet, so a bodiless HEAD answer could be what the output cache keeps
        await fixture.EvictCachesAsync();
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/directory.csv", UriKind.Relative));

        // Act
        var head = await fixture.Client.SendAsync(request);
        var get = await fixture.Client.GetAsync(new Uri("/directory.csv", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/csv", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(31, (await get.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static string[] AllowedMethods(HttpResponseMessage response) =>
        response.Content.Headers.Allow.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal).ToArray();

    /// <summary>One URL for every route the app maps (pages and minimal endpoints), with real values in the route
    /// parameters so the pages behind them run.</summary>
    private async Task<List<string>> UrlsAsync()
    {
        var coordinatorEmail = $"methods-{Guid.NewGuid():N}@example.org";
        var staffEmail = $"methods-{Guid.NewGuid():N}@example.org";
        await fixture.InviteAsync(coordinatorEmail, Roles.Coordinator, "falkirk");
        await fixture.InviteAsync(staffEmail, Roles.CjsStaff);
        var values = await fixture.WithDbContextAsync(async db => new
        {
            Coordinator = await db.Users.Where(u => u.Email == coordinatorEmail).Select(u => u.Id).SingleAsync(),
            Staff = await db.Users.Where(u => u.Email == staffEmail).Select(u => u.Id).SingleAsync(),
            Contact = await db.Contacts.Where(c => c.Partnership.Slug == "falkirk").OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            Route = await db.EngagementRoutes.Where(r => r.Partnership.Slug == "falkirk").OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
            Area = await db.CouncilAreas.Where(a => a.Partnership.Slug == "falkirk").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            Place = await db.Places.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            Partnership = await db.Partnerships.Where(p => p.Slug == "falkirk").Select(p => p.Id).SingleAsync(),
            Plan = await db.Cjoips.Where(c => c.Partnership.Slug == "falkirk").OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
        });
        var problem = await fixture.CreateProblemReportAsync("falkirk");
        // Referred to by nothing, so it answers staff (200) and no one else (404).
        var document = await fixture.CreateDocumentAsync(values.Partnership);

        var patterns = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))
            .Where(pattern => !pattern.Contains("{*", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/partnerships/{slug}", patterns);
        Assert.Contains("/directory.csv", patterns);
        Assert.Contains("/health/live", patterns);

        var urls = patterns.Select(pattern => pattern
                .Replace("{slug}", "falkirk", StringComparison.Ordinal)
                .Replace("{areaId:int}", Invariant(values.Area), StringComparison.Ordinal)
                .Replace("{placeId:int}", Invariant(values.Place), StringComparison.Ordinal)
                .Replace("{id:int}", Invariant(
                    pattern.Contains("/contacts/", StringComparison.Ordinal) ? values.Contact
                    : pattern.StartsWith("/documents/", StringComparison.Ordinal) ? document.Id
                    : pattern.Contains("/plans/", StringComparison.Ordinal) ? values.Plan
                    : pattern.Contains("/problems/", StringComparison.Ordinal) ? problem.Id
                    : values.Route), StringComparison.Ordinal)
                .Replace("{fileName}", document.FileName, StringComparison.Ordinal)
                .Replace("{id:guid}", (pattern.StartsWith("/admin/", StringComparison.Ordinal) ? values.Staff : values.Coordinator).ToString(), StringComparison.Ordinal)
                .Replace("{year:int}", "2024", StringComparison.Ordinal)
                .Replace("{id:long}", "1", StringComparison.Ordinal)
                .Replace("{code:int}", "404", StringComparison.Ordinal)
                .Replace("{serviceId:int?}", "1", StringComparison.Ordinal)
                .Replace("{token}", "not-a-real-token", StringComparison.Ordinal)
                // Open Referral ids are UUIDs; an unknown one answers 404 in JSON.
                .Replace("{id}", Guid.Empty.ToString(), StringComparison.Ordinal))
            .ToList();
        Assert.All(urls, url => Assert.DoesNotContain("{", url, StringComparison.Ordinal));
        return urls;
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

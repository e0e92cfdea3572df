using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>Every page under /manage, for every kind of user: anonymous people are asked to sign in, a coordinator
/// of another partnership is refused (and a refused POST changes nothing), and the partnership's own coordinator,
/// CJS staff and administrators get in. A page added under Pages/Manage without a row here fails the test.</summary>
[Collection(PortalCollection.Name)]
public sealed class AuthorizationMatrixTests(PortalFixture fixture) : IAsyncLifetime
{
    public enum Outcome
    {
        SignIn,
        Forbidden,
        Allowed,
    }

    public enum Who
    {
        Anonymous,
        OtherCoordinator,
        OwnCoordinator,
        CjsStaff,
        Administrator,
    }

    private sealed record Entry(string Method, string Route, Func<PortalFixture, Task<Dictionary<string, string>>>? Form, Outcome[] Expected);

    private static readonly Outcome[] PartnershipPage = [Outcome.SignIn, Outcome.Forbidden, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed];

    private static readonly Entry[] Matrix =
    [
        new("GET", "/manage", null, [Outcome.SignIn, Outcome.Allowed, Outcome.Allowed, Outcome.Forbidden, Outcome.Forbidden]),
        new("GET", "/manage/partnerships/{slug}", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}", _ => Task.FromResult(new Dictionary<string, string>()), PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/details", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/details", async f => new Dictionary<string, string>
        {
            ["Website"] = $"https://example.org/{Guid.NewGuid():N}",
            ["GovernanceNotes"] = "Changed by the authorization matrix",
            ["CoordinatorPostVacant"] = "false",
            ["FallbackContactId"] = string.Empty,
            ["Version"] = (await VersionAsync(f)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/history", null, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/routes", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/routes", async f => new Dictionary<string, string>
        {
            ["routeId"] = Invariant(await RouteIdAsync(f)),
            ["action"] = "deactivate",
        }, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/routes/new", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/routes/new", _ => Task.FromResult(new Dictionary<string, string>
        {
            ["Kind"] = "4",
            ["Title"] = $"Matrix event {Guid.NewGuid():N}",
        }), PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/routes/{id:int}", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/routes/{id:int}", async f => new Dictionary<string, string>
        {
            ["Kind"] = "2",
            ["Title"] = $"Forum {Guid.NewGuid():N}",
            ["Version"] = Invariant(await RouteVersionAsync(f)),
        }, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/contacts", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/contacts", async f => new Dictionary<string, string>
        {
            ["contactId"] = Invariant(await ContactIdAsync(f)),
            ["action"] = "hide",
        }, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/contacts/new", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/contacts/new", _ => Task.FromResult(new Dictionary<string, string>
        {
            ["Name"] = "Matrix Contact",
            ["Role"] = $"Role {Guid.NewGuid():N}",
        }), PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/contacts/{id:int}", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/contacts/{id:int}", async f => new Dictionary<string, string>
        {
            ["Name"] = "Matrix Contact",
            ["Role"] = $"Role {Guid.NewGuid():N}",
            ["Version"] = Invariant(await ContactVersionAsync(f)),
        }, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/tsis", null, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/tsis/{areaId:int}", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/tsis/{areaId:int}", async f => new Dictionary<string, string>
        {
            ["Name"] = $"Matrix TSI {Guid.NewGuid():N}",
            ["Version"] = Invariant(await TsiVersionAsync(f)),
        }, PartnershipPage),
    ];

    /// <summary>The partnership's (first) council area, whose Third Sector Interface the matrix edits.</summary>
    private static Task<int> AreaIdAsync(PortalFixture f) => f.WithDbContextAsync(db => db.CouncilAreas
        .Where(a => a.Partnership.Slug == Partnership).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());

    private static async Task<uint> TsiVersionAsync(PortalFixture f)
    {
        var id = await AreaIdAsync(f);
        return await f.WithDbContextAsync(db => db.ThirdSectorInterfaces.Where(t => t.CouncilAreaId == id)
            .Select(t => EF.Property<uint>(t, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).SingleAsync());
    }

    /// <summary>The first contact of the partnership, whose pages the matrix visits.</summary>
    private static Task<int> ContactIdAsync(PortalFixture f) => f.WithDbContextAsync(db => db.Contacts
        .Where(c => c.Partnership.Slug == Partnership).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

    private static async Task<uint> ContactVersionAsync(PortalFixture f)
    {
        var id = await ContactIdAsync(f);
        return await f.WithDbContextAsync(db => db.Contacts.Where(c => c.Id == id)
            .Select(c => EF.Property<uint>(c, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).SingleAsync());
    }

    private static async Task<uint> RouteVersionAsync(PortalFixture f)
    {
        var id = await RouteIdAsync(f);
        return await f.WithDbContextAsync(db => db.EngagementRoutes.Where(r => r.Id == id)
            .Select(r => EF.Property<uint>(r, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).SingleAsync());
    }

    private static string Invariant(IFormattable value) => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first engagement route of the partnership, whose pages the matrix visits.</summary>
    private static Task<int> RouteIdAsync(PortalFixture f) => f.WithDbContextAsync(db => db.EngagementRoutes
        .Where(r => r.Partnership.Slug == Partnership).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.ResetDataAsync();

    [Fact]
    public void Get_EveryManagePage_HasAMatrixEntryForEachMethodItHandles()
    {
        // Arrange
        var listed = Matrix.Select(e => $"{e.Method} {e.Route}").ToHashSet(StringComparer.Ordinal);

        // Act: every page under Pages/Manage, with GET (a page always answers it) and each other method it handles
        var required = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(p => p.Page?.ViewEnginePath.StartsWith("/Manage/", StringComparison.Ordinal) == true)
            .SelectMany(p => p.Page!.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET")
                .Select(method => $"{method} /{(p.Endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/')}"))
            .Distinct()
            .ToList();

        // Assert
        Assert.Contains("POST /manage/partnerships/{slug}/details", required);
        Assert.All(required, endpoint => Assert.True(listed.Contains(endpoint), $"{endpoint} has no row in the authorization matrix."));
    }

    [Fact]
    public async Task Get_AndPost_EveryManageEndpointForEveryKindOfUser_MatchesTheMatrix()
    {
        // Arrange
        var clients = new Dictionary<Who, HttpClient>
        {
            [Who.Anonymous] = await SignInAsync(fixture, null),
            [Who.OtherCoordinator] = await CoordinatorAsync(fixture, OtherPartnership),
            [Who.OwnCoordinator] = await CoordinatorAsync(fixture),
            [Who.CjsStaff] = await SignInAsync(fixture, Roles.CjsStaff),
            [Who.Administrator] = await SignInAsync(fixture, Roles.Administrator),
        };
        var failures = new List<string>();
        try
        {
            foreach (var entry in Matrix)
            {
                var url = entry.Route.Replace("{slug}", Partnership, StringComparison.Ordinal)
                    .Replace("{areaId:int}", Invariant(await AreaIdAsync(fixture)), StringComparison.Ordinal)
                    .Replace("{id:int}", Invariant(entry.Route.Contains("/contacts/", StringComparison.Ordinal) ? await ContactIdAsync(fixture) : await RouteIdAsync(fixture)), StringComparison.Ordinal);
                foreach (var (who, client) in clients)
                {
                    var expected = entry.Expected[(int)who];
                    var before = await SnapshotAsync();

                    // Act
                    var response = entry.Form is null
                        ? await client.GetAsync(new Uri(url, UriKind.Relative))
                        : (await client.PostFormAsync(url, await WithTokenAsync(client, who, await entry.Form(fixture)))).Response;

                    // Assert (collected, so one run reports every cell that is wrong)
                    var actual = Classify(response, entry.Method);
                    if (actual != expected)
                    {
                        failures.Add($"{entry.Method} {url} as {who}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
                    }

                    if (entry.Method == "POST" && expected != Outcome.Allowed && await SnapshotAsync() != before)
                    {
                        failures.Add($"{entry.Method} {url} as {who} was refused but changed the partnership.");
                    }
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static Outcome? Classify(HttpResponseMessage response, string method)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect when location.Contains("/account/sign-in", StringComparison.Ordinal) => Outcome.SignIn,
            HttpStatusCode.Redirect when location.Contains("/status/403", StringComparison.Ordinal) => Outcome.Forbidden,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.OK when method == "GET" => Outcome.Allowed,
            HttpStatusCode.Redirect when method == "POST" => Outcome.Allowed,
            _ => null,
        };
    }

    /// <summary>Adds an antiforgery token valid for this user, taken from a form they can open, so a refusal is the
    /// authorization rule's and not the missing token's.</summary>
    private static async Task<Dictionary<string, string>> WithTokenAsync(HttpClient client, Who who, Dictionary<string, string> fields)
    {
        var formPage = who switch
        {
            Who.Anonymous => "/account/sign-in",
            Who.OtherCoordinator => $"/manage/partnerships/{OtherPartnership}/details",
            _ => $"/manage/partnerships/{Partnership}/details",
        };
        var page = await client.GetDocumentAsync(formPage);
        var token = page.Document.QuerySelector($"input[name={Forms.AntiforgeryField}]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {formPage} for {who}.");
        fields[Forms.AntiforgeryField] = token!;
        return fields;
    }

    /// <summary>Everything a POST under /manage could change about the partnership: its row version and its history.</summary>
    private Task<string> SnapshotAsync() => fixture.WithDbContextAsync(async db =>
    {
        var version = await db.Partnerships.Where(p => p.Slug == Partnership)
            .Select(p => EF.Property<uint>(p, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).SingleAsync();
        var history = await db.AuditEntries.CountAsync();
        var routes = await db.EngagementRoutes.Where(r => r.Partnership.Slug == Partnership).OrderBy(r => r.Id)
            .Select(r => EF.Property<uint>(r, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).ToListAsync();
        var contacts = await db.Contacts.Where(c => c.Partnership.Slug == Partnership).OrderBy(c => c.Id)
            .Select(c => EF.Property<uint>(c, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).ToListAsync();
        var tsis = await db.ThirdSectorInterfaces.Where(t => t.CouncilArea.Partnership.Slug == Partnership).OrderBy(t => t.Id)
            .Select(t => EF.Property<uint>(t, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).ToListAsync();
        return $"{version}/{history}/{string.Join(',', routes)}/{string.Join(',', contacts)}/{string.Join(',', tsis)}";
    });
}

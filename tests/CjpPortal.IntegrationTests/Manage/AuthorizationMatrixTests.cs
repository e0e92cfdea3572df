using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>Every page under /manage, /national and /admin, for every kind of user: anonymous people are asked to sign
/// in; a coordinator of another partnership is refused the partnership's pages, and every coordinator is refused the
/// national and administration pages; a refused POST changes nothing. A page added under Pages/Manage, Pages/National
/// or Pages/Admin without a row here fails the test.</summary>
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
    private static readonly Outcome[] NationalPage = [Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Allowed, Outcome.Allowed];
    private static readonly Outcome[] AdminPage = [Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Allowed];

    /// <summary>The folders whose pages need a row.</summary>
    private static readonly string[] GuardedFolders = ["/Manage/", "/National/", "/Admin/"];

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

        new("GET", "/national", null, NationalPage),
        new("GET", "/national/coordinators", null, NationalPage),
        new("GET", "/national/coordinators/invite", null, NationalPage),
        new("POST", "/national/coordinators/invite", async f => new Dictionary<string, string>
        {
            ["Email"] = $"matrix-{Guid.NewGuid():N}@example.org",
            ["PartnershipIds"] = Invariant(await PartnershipIdAsync(f, Partnership)),
        }, NationalPage),
        new("GET", "/national/coordinators/{id:guid}", null, NationalPage),
        new("POST", "/national/coordinators/{id:guid}", async f => new Dictionary<string, string>
        {
            ["action"] = "assign",
            ["PartnershipId"] = Invariant(await PartnershipIdAsync(f, OtherPartnership)),
        }, NationalPage),
        new("GET", "/national/coordinators/{id:guid}/remove", null, NationalPage),
        new("POST", "/national/coordinators/{id:guid}/remove", _ => Task.FromResult(new Dictionary<string, string>()), NationalPage),
        new("GET", "/national/coordinators/{id:guid}/reset-authenticator", null, NationalPage),
        new("POST", "/national/coordinators/{id:guid}/reset-authenticator", _ => Task.FromResult(new Dictionary<string, string>()), NationalPage),
        new("GET", "/national/history", null, NationalPage),
        new("GET", "/national/partnerships", null, NationalPage),
        new("GET", "/national/partnerships/{slug}", null, NationalPage),
        new("GET", "/national/partnerships/{slug}/name", null, NationalPage),
        new("POST", "/national/partnerships/{slug}/name", async f => new Dictionary<string, string>
        {
            ["Name"] = $"Matrix partnership {Guid.NewGuid():N}",
            ["Version"] = Invariant(await VersionAsync(f)),
        }, NationalPage),
        new("GET", "/national/partnerships/{slug}/areas", null, NationalPage),
        new("POST", "/national/partnerships/{slug}/areas", f => f.WithDbContextAsync(async db => new Dictionary<string, string>
        {
            // An Ayrshire area still in Ayrshire (three to start with), so each allowed move leaves it at least one.
            ["AreaId"] = Invariant(await db.CouncilAreas.Where(a => a.Partnership.Slug == "ayrshire").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()),
            ["AreasVersion"] = CjpPortal.Web.Pages.National.Partnerships.NationalPartnershipPages.Fingerprint(
                await db.CouncilAreas.Select(a => new ValueTuple<int, int>(a.Id, a.PartnershipId)).ToListAsync()),
        }), NationalPage),

        new("GET", "/admin", null, AdminPage),
        new("GET", "/admin/staff", null, AdminPage),
        new("GET", "/admin/staff/invite", null, AdminPage),
        new("POST", "/admin/staff/invite", _ => Task.FromResult(new Dictionary<string, string>
        {
            ["Email"] = $"matrix-{Guid.NewGuid():N}@example.org",
            ["Role"] = Roles.CjsStaff,
        }), AdminPage),
        new("GET", "/admin/staff/{id:guid}", null, AdminPage),
        new("POST", "/admin/staff/{id:guid}", _ => Task.FromResult(new Dictionary<string, string>()), AdminPage),
        new("GET", "/admin/staff/{id:guid}/remove", null, AdminPage),
        new("POST", "/admin/staff/{id:guid}/remove", _ => Task.FromResult(new Dictionary<string, string>()), AdminPage),
        new("GET", "/admin/staff/{id:guid}/reset-authenticator", null, AdminPage),
        new("POST", "/admin/staff/{id:guid}/reset-authenticator", _ => Task.FromResult(new Dictionary<string, string>()), AdminPage),
    ];

    private static Task<int> PartnershipIdAsync(PortalFixture f, string slug) =>
        f.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    /// <summary>The URL of one cell: route values filled in, with a new invited account as the target of the account
    /// pages, so a POST that removes or changes it in one cell leaves the next cell its own target.</summary>
    private static async Task<string> UrlAsync(PortalFixture f, string route)
    {
        var url = route.Replace("{slug}", Partnership, StringComparison.Ordinal)
            .Replace("{areaId:int}", Invariant(await AreaIdAsync(f)), StringComparison.Ordinal)
            .Replace("{id:int}", Invariant(route.Contains("/contacts/", StringComparison.Ordinal) ? await ContactIdAsync(f) : await RouteIdAsync(f)), StringComparison.Ordinal);
        if (url.Contains("{id:guid}", StringComparison.Ordinal))
        {
            var email = $"target-{Guid.NewGuid():N}@example.org";
            var staffPage = url.StartsWith("/admin/", StringComparison.Ordinal);
            await f.InviteAsync(email, staffPage ? Roles.CjsStaff : Roles.Coordinator, staffPage ? Array.Empty<string>() : [Partnership]);
            var id = await f.WithDbContextAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
            url = url.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal);
        }

        return url;
    }

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
            .Where(p => p.Page is { } page && GuardedFolders.Any(folder => page.ViewEnginePath.StartsWith(folder, StringComparison.Ordinal)))
            .SelectMany(p => p.Page!.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET")
                .Select(method => $"{method} /{(p.Endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/')}"))
            .Distinct()
            .ToList();

        // Assert
        Assert.Contains("POST /manage/partnerships/{slug}/details", required);
        Assert.Contains("POST /national/coordinators/{id:guid}/remove", required);
        Assert.Contains("POST /admin/staff/invite", required);
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
                foreach (var (who, client) in clients)
                {
                    var expected = entry.Expected[(int)who];
                    var url = await UrlAsync(fixture, entry.Route);
                    var form = entry.Form is null ? null : await WithTokenAsync(client, who, await entry.Form(fixture));
                    var before = await SnapshotAsync();

                    // Act
                    var response = form is null
                        ? await client.GetAsync(new Uri(url, UriKind.Relative))
                        : (await client.PostFormAsync(url, form)).Response;

                    // Assert (collected, so one run reports every cell that is wrong)
                    var actual = Classify(response, entry.Method);
                    if (actual != expected)
                    {
                        failures.Add($"{entry.Method} {url} as {who}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
                    }

                    if (entry.Method == "POST" && expected != Outcome.Allowed && await SnapshotAsync() != before)
                    {
                        failures.Add($"{entry.Method} {url} as {who} was refused but changed something.");
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

    /// <summary>Everything a POST could change: the partnership's rows and their versions, the history, partnership
    /// names and areas, accounts, roles, assignments, invitations and e-mails.</summary>
    private Task<string> SnapshotAsync() => fixture.WithDbContextAsync(async db =>
    {
        var names = string.Join(',', await db.Partnerships.OrderBy(p => p.Id).Select(p => p.Name).ToListAsync());
        var areas = string.Join(',', await db.CouncilAreas.OrderBy(a => a.Id).Select(a => a.PartnershipId).ToListAsync());
        var accounts = $"{await db.Users.CountAsync()}/{await db.UserRoles.CountAsync()}/{await db.PartnershipCoordinators.CountAsync()}/{await db.Invitations.CountAsync(i => i.RevokedAt == null)}/{await db.EmailOutbox.CountAsync()}";
        var stamps = string.Join(',', await db.Users.OrderBy(u => u.Id).Select(u => u.SecurityStamp).ToListAsync());
        var version = await db.Partnerships.Where(p => p.Slug == Partnership)
            .Select(p => EF.Property<uint>(p, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).SingleAsync();
        var history = await db.AuditEntries.CountAsync();
        var routes = await db.EngagementRoutes.Where(r => r.Partnership.Slug == Partnership).OrderBy(r => r.Id)
            .Select(r => EF.Property<uint>(r, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).ToListAsync();
        var contacts = await db.Contacts.Where(c => c.Partnership.Slug == Partnership).OrderBy(c => c.Id)
            .Select(c => EF.Property<uint>(c, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).ToListAsync();
        var tsis = await db.ThirdSectorInterfaces.Where(t => t.CouncilArea.Partnership.Slug == Partnership).OrderBy(t => t.Id)
            .Select(t => EF.Property<uint>(t, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).ToListAsync();
        return $"{version}/{history}/{string.Join(',', routes)}/{string.Join(',', contacts)}/{string.Join(',', tsis)}/{names}/{areas}/{accounts}/{stamps}";
    });
}

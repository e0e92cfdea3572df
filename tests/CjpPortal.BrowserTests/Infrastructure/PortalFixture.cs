using System.Diagnostics.CodeAnalysis;
using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Organisations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;

namespace CjpPortal.BrowserTests.Infrastructure;

/// <summary>
/// One real portal on Kestrel (its own PostgreSQL database, migrated and seeded with demo data at start-up) and one
/// headless Chromium, shared by every test in the assembly. Each test opens its own browser context.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xUnit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class PortalFixture : IAsyncLifetime
{
    public const string ConnectionVariable = "CJP_TEST_CONNECTION";
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly NpgsqlConnectionStringBuilder _admin;
    private PortalFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly SemaphoreSlim _signInLock = new(1, 1);
    private readonly Dictionary<string, string> _signedInStates = new(StringComparer.Ordinal);

    public PortalFixture()
    {
        var connection = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException($"{ConnectionVariable} is not set: run bash scripts/test.sh or set {ConnectionVariable}");
        }

        _admin = new NpgsqlConnectionStringBuilder(connection);
        DatabaseName = $"cjp_browser_{Guid.NewGuid():N}";
    }

    public string DatabaseName { get; }

    /// <summary>The portal's address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} not found: install chromium: apt-get install -y chromium");
        }

        await ExecuteAdminAsync($"CREATE DATABASE \"{DatabaseName}\"");

        var portalConnection = new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { Database = DatabaseName };
        _factory = new PortalFactory(portalConnection.ConnectionString);
        // Port 0 on 127.0.0.1 (Kestrel refuses a dynamic port on "localhost"): the OS picks a free one.
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseAddress = ListeningAddress(_factory.Services);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _signInLock.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
    }

    /// <summary>A fresh browser context (no cookies, no cache) and a page in it, at the portal's address.</summary>
    public async Task<BrowserSession> OpenAsync(bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            // The portal's CSP allows no inline script; axe-core is injected as one.
            BypassCSP = true,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    /// <summary>A fresh browser context already signed in as the demo coordinator.</summary>
    public Task<BrowserSession> OpenAsCoordinatorAsync() => OpenAsAsync(CoordinatorSignIn.Coordinator);

    /// <summary>
    /// A fresh browser context already signed in as a demo account. The first call for an account signs in through
    /// the pages and keeps the cookies; later calls reuse them, since the portal allows only a few sign-in posts a minute.
    /// </summary>
    public async Task<BrowserSession> OpenAsAsync(DemoAccounts.Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        string state;
        await _signInLock.WaitAsync();
        try
        {
            if (!_signedInStates.TryGetValue(account.Email, out state!))
            {
                await using var signIn = await OpenAsync();
                await CoordinatorSignIn.SignInAsync(this, signIn.Page, account);
                state = await signIn.Context.StorageStateAsync();
                _signedInStates[account.Email] = state;
            }
        }
        finally
        {
            _signInLock.Release();
        }

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            BypassCSP = true,
            Locale = "en-GB",
            StorageState = state,
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>A new account of its own with a password and an authenticator app, for a journey that signs out or
    /// changes the account: doing that to a demo account would end the sessions other tests reuse (OpenAsAsync).</summary>
    public async Task<DemoAccounts.Account> CreateAccountAsync(string role)
    {
        var services = _factory?.Services ?? throw new InvalidOperationException("The fixture has not started.");
        var account = new DemoAccounts.Account($"journey-{Guid.NewGuid():N}@example.org", role, "journey account lantern heron", []);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, LockoutEnabled = true };
        Check(await users.CreateAsync(user, account.Password));
        Check(await users.AddToRoleAsync(user, role));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return account;

        static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> on the portal's database, for a journey that prepares rows of its own (and
    /// puts the demo data back when it ends, as other tests read it); then drops the cached public pages.</summary>
    public async Task WithDbContextAsync(Func<CjpPortal.Core.AppDbContext, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var services = _factory?.Services ?? throw new InvalidOperationException("The fixture has not started.");
        await using (var scope = services.CreateAsyncScope())
        {
            await action(scope.ServiceProvider.GetRequiredService<CjpPortal.Core.AppDbContext>());
        }

        await services.GetRequiredService<CjpPortal.Web.Infrastructure.PublicCache>().EvictAsync();
    }

    /// <summary>A published listing of its own in Falkirk, with one service, last confirmed <paramref name="monthsSinceConfirmed"/>
    /// months ago by the portal's clock, for a journey through its owner's signed links (the demo data has no listings).
    /// Its web address and public e-mail are long unbroken words (no hyphens to break at), so a page must wrap them itself. Delete it with <see cref="DeleteListingAsync"/>.</summary>
    public async Task<int> CreatePublishedListingAsync(string name, int monthsSinceConfirmed)
    {
        var services = _factory?.Services ?? throw new InvalidOperationException("The fixture has not started.");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var confirmed = now.AddMonths(-monthsSinceConfirmed);
        var id = 0;
        await WithDbContextAsync(async db =>
        {
            var falkirk = await db.CouncilAreas.Where(a => a.Name == "Falkirk").Select(a => a.Id).SingleAsync();
            var organisation = new Organisation
            {
                Name = name,
                ContactEmail = $"listing-{Guid.NewGuid():N}@example.org",
                ContactEmailVerifiedAt = confirmed,
                PublicEmail = "tenancysustainmentandresettlementenquiries@carronvalleywellbeingcircle.example.org",
                Website = "https://www.carronvalleywellbeingcircle.example.org/services/tenancysustainmentforpeopleleavingprison",
                Phone = "01324 555 0123",
                Description = "Peer support and one-to-one help keeping a tenancy for people leaving prison in Falkirk.",
                Status = OrganisationStatus.Published,
                PublishedAt = confirmed,
                ConfirmedAt = confirmed,
                CreatedAt = confirmed,
                UpdatedAt = confirmed,
                Themes = [Theme.HousingAndHomelessness, Theme.MentalHealth],
                Areas = [new OrganisationArea { CouncilAreaId = falkirk }],
            };
            organisation.Services.Add(new OrganisationService
            {
                Name = "Tenancy sustainment",
                Description = "Help keeping a tenancy after release.",
                Themes = [Theme.HousingAndHomelessness],
                Areas = [new OrganisationServiceArea { CouncilAreaId = falkirk }],
                DisplayOrder = 1,
                CreatedAt = confirmed,
                UpdatedAt = confirmed,
            });
            OrganisationSearchText.Refresh(organisation);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            id = organisation.Id;
        });
        return id;
    }

    /// <summary>The yearly confirmation link of a listing as its review e-mail carries it (made by the same
    /// <see cref="OrganisationLinks.Confirm"/> as <see cref="ListingReviewJob"/>), without its host.</summary>
    public async Task<string> ConfirmationLinkAsync(int organisationId)
    {
        var services = _factory?.Services ?? throw new InvalidOperationException("The fixture has not started.");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CjpPortal.Core.AppDbContext>();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId);
        return scope.ServiceProvider.GetRequiredService<OrganisationLinks>().Confirm(BaseAddress, organisation).PathAndQuery;
    }

    /// <summary>Removes a listing made by <see cref="CreatePublishedListingAsync"/> (other journeys read the demo data).</summary>
    public Task DeleteListingAsync(int organisationId) =>
        WithDbContextAsync(db => db.Organisations.Where(o => o.Id == organisationId).ExecuteDeleteAsync());

    /// <summary>The authenticator key of an account, as its owner's authenticator app holds it (base 32).</summary>
    public async Task<string> AuthenticatorKeyAsync(string email)
    {
        var services = _factory?.Services ?? throw new InvalidOperationException("The fixture has not started.");
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"There is no account for {email}.");
        return await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{email} has no authenticator key.");
    }

    private static Uri ListeningAddress(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The portal started but reported no HTTP address.");
        return new Uri(address);
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

using CjpPortal.Core;
using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Auth;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Serilog;
using Serilog.Events;
using Serilog.Filters;
using Serilog.Formatting.Compact;

namespace CjpPortal.Web;

public static class PortalHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
        if (command == "worker")
        {
            return await WorkerCommand.RunAsync(args[1..]);
        }

        var builder = WebApplication.CreateBuilder(ContentRoot.Options(command is null ? args : args[1..]));
        if (command is null)
        {
            DatabaseWarmUp.Start(builder.Configuration.GetConnectionString("Default"));
        }

        ConfigureServices(builder);
        await using var app = builder.Build();

        switch (command)
        {
            case null:
                break;
            case "migrate":
                await MigrateAsync(app);
                app.Logger.LogInformation("Database migrated and seeded");
                return 0;
            case "create-admin":
                return await CreateAdminCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{command}'. Commands: migrate, create-admin --email <address>, worker (sends the outbox, no web server). With no command the portal starts.");
                return 2;
        }

        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value;
        if (options.MigrateOnStartup ?? app.Environment.IsDevelopment())
        {
            await MigrateAsync(app);
        }

        // Before the pipeline is set up, so that the load runs while it is and while Kestrel starts.
        if (options.LoadSnapshotOnStartup)
        {
            StartLoadingSnapshot(app);
        }

        ConfigurePipeline(app);
        if (options.RequestFirstPageOnStartup)
        {
            app.Services.GetRequiredService<FirstPageWarmUp>().Register(app);
        }

        // For bench/coldstart.sh and the server log: how long the process took to listen (the first page may then
        // still wait for the snapshot).
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            app.Logger.LogInformation("Started in {Milliseconds} ms", (long)(DateTime.Now - process.StartTime).TotalMilliseconds);
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>The same steps for the migrate command and for migration at start-up, so demo mode gives the same
    /// portal (demo data and demo accounts) however the database was set up.</summary>
    private static async Task MigrateAsync(WebApplication app)
    {
        var demoMode = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value.DemoMode;
        await DatabaseSetup.MigrateAndSeedAsync(app.Services, demoMode);
        if (demoMode)
        {
            await DemoAccounts.EnsureAsync(app.Services);
        }
    }

    /// <summary>Cold start: every public page reads the partnership snapshot, and its first load compiles the queries
    /// (those <see cref="DatabaseWarmUp"/> has not compiled yet) and reads the database, work that the first visitor
    /// would otherwise wait for from the start. Started here, it runs on another thread during the rest of the start-up,
    /// and the first request awaits the load already under way (<see cref="DirectorySnapshotCache"/> shares it). The
    /// same thread then runs the partnership page's own queries
    /// once (<see cref="Pages.Partnerships.ShowModel.WarmUpAsync"/>), on the second core, instead of the first visitor's
    /// page compiling them. A failure is only logged: the cache drops a failed load, so the first page tries again, as
    /// it would without this.</summary>
    private static void StartLoadingSnapshot(WebApplication app)
    {
        var snapshots = app.Services.GetRequiredService<DirectorySnapshotCache>();
        _ = LoadAsync();

        async Task LoadAsync()
        {
            try
            {
                var all = await snapshots.GetAsync(app.Lifetime.ApplicationStopping);
                if (all.Count > 0)
                {
                    await Pages.Partnerships.ShowModel.WarmUpAsync(app.Services, all[0], app.Lifetime.ApplicationStopping);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                app.Logger.LogWarning(exception, "Could not load the partnership snapshot at start-up; the first page that needs it will try again");
            }
        }
    }

    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ConfigureLogging(builder);
        // In every environment, tests included: a scoped service captured by a singleton, or a registration that
        // cannot be built, stops start-up instead of failing on some later request.
        builder.Host.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });

        var services = builder.Services;
        var portal = builder.Configuration.GetSection(PortalOptions.SectionName);
        services.Configure<PortalOptions>(portal);
        PortalLinks.AddOptions(services, portal, builder.Environment);

        var connectionString = builder.Configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("Set the connection string ConnectionStrings__Default (see README.md).");
        services.AddPortalCore(connectionString);

        // Razor Pages validate the antiforgery token on every unsafe method by default. Route values (the slug and
        // ids an authorization decision depends on) bind from the route only.
        services.AddRazorPages(options => options.Conventions.Add(new RouteValuesFromRouteOnly()))
            // The portal has no controllers: without this, MVC looks at every type of the portal's assemblies for one
            // while it builds the endpoints at start-up (about 40 ms of the cold start; bench/README.md).
            .ConfigureApplicationPartManager(parts =>
            {
                foreach (var provider in parts.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider>().ToList())
                {
                    parts.FeatureProviders.Remove(provider);
                }
            });
        PageLoading.OnFirstRequest(services);
        // MVC buffers a page's whole output in 1,024-character arrays taken from this pool before writing it out
        // (about 140 of them for the 142 KB CJS dashboard, held until the response is written), and its view buffers
        // in arrays of ViewBufferValue. The shared pools keep only a few arrays of a size per core, so most were new
        // arrays each time, garbage for the collector (about 140 KB a request on the dashboard; bench/README.md). These
        // pools keep enough for many such pages at once: up to 8,192 arrays of each size (16 MB of the 1,024-character
        // ones, kept only once that many were in use at once); larger arrays are not pooled. Registered after
        // AddRazorPages, so MVC's TryAdd of the shared pools is overridden.
        services.AddSingleton(System.Buffers.ArrayPool<char>.Create(maxArrayLength: 16 * 1024, maxArraysPerBucket: 8192));
        services.AddSingleton(System.Buffers.ArrayPool<Microsoft.AspNetCore.Mvc.ViewFeatures.Buffers.ViewBufferValue>.Create(maxArrayLength: 1024, maxArraysPerBucket: 8192));
        SecureCookies.Add(services, builder.Environment);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "cjp-antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        KeptAntiforgeryTokens.Add(services);

        // Deny by default: every endpoint needs a signed-in user unless it says [AllowAnonymous].
        // Identity's application cookie (cjp-auth) is the default scheme; see AccountServices.
        AccountServices.Add(services, builder.Configuration);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        // Kestrel's own limits answer with an empty page; see RequestLimits.
        builder.WebHost.ConfigureKestrel(RequestLimits.ConfigureKestrel);

        services.AddOutputCache(options =>
        {
            // Paths differ by case (/partnerships/FALKIRK redirects to /partnerships/falkirk), so a cached lower-case
            // page must not answer the upper-case address.
            options.UseCaseSensitivePaths = true;
            var seconds = portal.GetValue(nameof(PortalOptions.PublicPageCacheSeconds), 60);
            options.AddPolicy(PublicCache.PolicyName, policy => policy
                .Expire(TimeSpan.FromSeconds(seconds))
                .SetVaryByQuery("*")
                .Tag(PublicCache.Tag));
        });
        services.AddSingleton<PublicCache>();
        services.AddSingleton<FirstPageWarmUp>();

        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "text/csv"]);
        });

        var proxies = TrustedProxies.Read(builder.Configuration);
        services.AddSingleton(proxies);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies are believed, not the loopback addresses trusted by default.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in proxies.Addresses)
            {
                options.KnownProxies.Add(address);
            }

            foreach (var network in proxies.Networks)
            {
                options.KnownIPNetworks.Add(network);
            }

            // Each hop is checked against the lists, so a chain of trusted proxies can be walked back to the client.
            options.ForwardLimit = null;
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        PortalServices.Add(services);
        // Last: AddIdentity, AddAntiforgery and the rest each call AddDataProtection, which adds the built-in preload
        // back if it is missing.
        KeyRingLoading.OnFirstUse(services);
    }

    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var fromHostingDiagnostics = Matching.FromSource("Microsoft.AspNetCore.Hosting.Diagnostics");
        builder.Services.AddHttpContextAccessor();
        // preserveStaticLogger: each host has its own logger (tests run several hosts in one process).
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration, SerilogSettings.ReaderOptions)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With(new RequestPathEnricher(services.GetRequiredService<IHttpContextAccessor>()))
                // ASP.NET Core's own "Request starting" lines carry the query string; UseSerilogRequestLogging's line
                // replaces them, whatever level the configuration sets.
                .Filter.ByExcluding(e => e.Level < LogEventLevel.Warning && fromHostingDiagnostics(e));
            if (development)
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                // One JSON line per event, written to the console by a background thread: the console sink takes a lock
                // for each line, which requests queued for under load (bench/README.md). When the buffer is full the
                // request waits rather than its line being dropped.
                logger.WriteTo.Async(console => console.Console(new RenderedCompactJsonFormatter()), bufferSize: 10_000, blockWhenFull: true);
            }
        }, preserveStaticLogger: true);
    }

    /// <summary>BREACH: a compressed response's length can reveal a secret on the page to someone who can make the
    /// browser send chosen text and watch the encrypted traffic. These pages are small, so they go uncompressed.
    /// Dropping Accept-Encoding (rather than only IHttpsCompressionFeature's opt-out) also covers HTTPS that ends at a
    /// proxy, where the app sees plain HTTP and the HTTPS-only opt-out would not apply.</summary>
    private static Task WithoutCompressionOnPrivatePages(HttpContext context, RequestDelegate next)
    {
        if (PrivatePages.IsPrivate(context.Request.Path))
        {
            context.Request.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.AcceptEncoding);
        }

        return next(context);
    }

    public static void ConfigurePipeline(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value;

        // The client address keys the account forms' rate limit, so X-Forwarded-For is read only when it comes from a
        // configured proxy; with none configured anyone could pick their own address by sending the header.
        if (app.Services.GetRequiredService<TrustedProxies>().AnyConfigured)
        {
            app.UseForwardedHeaders();
        }

        app.UseSerilogRequestLogging(logging => RequestLogging.Configure(logging, app.Services));
        app.UseSecurityHeaders();
        app.UseNoStoreOnPrivatePages();
        app.UseAllowedMethods();
        app.UseCookiePolicy();
        app.UseExceptionHandler("/error");
        if (!app.Environment.IsDevelopment() && !options.DisableHttpsRedirection)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseRequestTargetLimit();
        app.Use(WithoutCompressionOnPrivatePages);
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
                context.Context.Response.Headers.CacheControl = "public,max-age=3600",
        });

        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        if (options.EnableOutputCache)
        {
            app.UseOutputCache();
        }

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRazorPages();
        PortalEndpoints.Map(app);

        // Without this, the fallback authorization policy would send an unknown URL to the sign-in page.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
    }
}

using System.Diagnostics;
using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Email;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Subscriptions;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using MimeKit;

// bench/mailer.sh runs this: dotnet MailerBench.dll <connection string> <smtp port> <messages> <runs>
// Each run: queue N messages in the outbox (not timed), then time the dispatcher until the outbox is empty; and
// time a bare MailKit sender (one connection, the same messages built the same way) sending N to the same server.
// The two alternate, the bare sender first in odd runs, so a drift in the machine's speed hits both alike.
// CJP_MAILER_MODE=fanout: instead of N queued rows, one broadcast to N confirmed subscribers (all of Scotland, meetings
// and updates, immediately): the fan-out job expands it into the outbox in its batches while the dispatcher sends, and
// the clock runs from the broadcast until the outbox is empty; the bare sender sends N messages of the same shape.
if (args.Length != 4)
{
    await Console.Error.WriteLineAsync("usage: MailerBench <connection string> <smtp port> <messages> <runs>");
    return 2;
}

var connectionString = args[0];
var port = int.Parse(args[1], CultureInfo.InvariantCulture);
var count = int.Parse(args[2], CultureInfo.InvariantCulture);
var runs = int.Parse(args[3], CultureInfo.InvariantCulture);
const string From = "CJP Portal <bench@cjp.example.org>";
var fanOut = Environment.GetEnvironmentVariable("CJP_MAILER_MODE") == "fanout";

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Email:From"] = From,
    ["Email:Transport"] = "Smtp",
    ["Email:Smtp:Host"] = "127.0.0.1",
    ["Email:Smtp:Port"] = args[1],
    ["Email:Smtp:Security"] = "None",
    ["Email:Dispatcher:InstanceId"] = "bench",
    ["Email:Dispatcher:BatchSize"] = Environment.GetEnvironmentVariable("CJP_MAILER_BATCH") ?? "50",
    ["Portal:BaseUrl"] = "https://cjp.example.org",
}).Build();
var services = new ServiceCollection();
services.AddSingleton<IConfiguration>(configuration);
services.AddLogging();
services.AddSingleton<IHostEnvironment>(new BenchEnvironment());
services.AddPortalCore(connectionString);
services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole<Guid>>().AddEntityFrameworkStores<AppDbContext>();
await using var provider = services.BuildServiceProvider();
await DatabaseSetup.MigrateAndSeedAsync(provider, demoMode: false);
var dispatcher = provider.GetRequiredService<OutboxDispatcher>();
if (fanOut)
{
    await SeedSubscribersAsync();
}

Console.WriteLine($"run,sender,messages,seconds,messages_per_second");
for (var run = 1; run <= runs; run++)
{
    var bareFirst = run % 2 == 1;
    if (bareFirst)
    {
        Report(run, "bare", await BareAsync());
    }

    var watch = new Stopwatch();
    var sent = 0;
    if (fanOut)
    {
        await TruncateAsync();
        watch.Start();
        await BroadcastAsync();
        var fannedOut = false;
        while (true)
        {
            // One fan-out batch, then what is due: the order the scheduler and the dispatcher share out in a host.
            if (!fannedOut)
            {
                await using var scope = provider.CreateAsyncScope();
                var job = scope.ServiceProvider.GetServices<CjpPortal.Core.Scheduling.IScheduledJob>().OfType<BroadcastFanOut>().Single();
                fannedOut = await job.FanOutBatchAsync(DateTimeOffset.UtcNow, CancellationToken.None) == 0;
            }

            var result = await dispatcher.SendDueAsync(CancellationToken.None);
            sent += result.Sent;
            if (fannedOut && result.Sent == 0 && result.Retried == 0)
            {
                break;
            }
        }
    }
    else
    {
        await QueueAsync();
        watch.Start();
        while (true)
        {
            var result = await dispatcher.SendDueAsync(CancellationToken.None);
            sent += result.Sent;
            if (result.Sent == 0 && result.Retried == 0)
            {
                break;
            }
        }
    }

    watch.Stop();
    await using (var scope = provider.CreateAsyncScope())
    {
        var left = await scope.ServiceProvider.GetRequiredService<AppDbContext>().EmailOutbox.CountAsync(e => e.Status != OutboxEmailStatus.Sent);
        if (left != 0 || sent != count)
        {
            await Console.Error.WriteLineAsync($"run {run}: the dispatcher sent {sent} of {count}; {left} not sent");
            return 1;
        }
    }

    Report(run, "dispatcher", watch.Elapsed);
    if (!bareFirst)
    {
        Report(run, "bare", await BareAsync());
    }
}

return 0;

void Report(int run, string sender, TimeSpan elapsed) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run},{sender},{count},{elapsed.TotalSeconds:F3},{count / elapsed.TotalSeconds:F1}"));

EmailMessage Message(int i) => new($"reader{i}@example.org", $"Forum meeting {i}", $"A forum meeting is on Tuesday. Message {i}.")
{
    HtmlBody = $"<h1>Forum meeting</h1><p>A forum meeting is on Tuesday. Message {i}.</p>",
    Headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" },
};

async Task TruncateAsync()
{
    await using var scope = provider.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("TRUNCATE email_outbox, broadcasts");
}

async Task SeedSubscribersAsync()
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    await db.Database.ExecuteSqlRawAsync("TRUNCATE subscribers CASCADE");
    await db.Database.ExecuteSqlAsync($"""
        INSERT INTO subscribers (email, created_at, confirmed_at, stamp, all_of_scotland, topics, frequency)
        SELECT 'reader' || i || '@example.org', now(), now(), gen_random_uuid(), true, {(int)SubscriptionTopics.MeetingsAndUpdates}, {(int)SubscriptionFrequency.Immediately}
        FROM generate_series(1, {count}) AS i
        """);
}

async Task BroadcastAsync()
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    await scope.ServiceProvider.GetRequiredService<IBroadcasts>().QueueAsync(db, null, SubscriptionTopics.MeetingsAndUpdates,
        "Forum meeting on Tuesday", "A forum meeting is on Tuesday.", "<p>A forum meeting is on Tuesday.</p>", new Uri("https://cjp.example.org/updates/1"));
    await db.SaveChangesAsync();
}

async Task QueueAsync()
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    await db.Database.ExecuteSqlRawAsync("TRUNCATE email_outbox");
    var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
    for (var i = 1; i <= count; i++)
    {
        outbox.Enqueue(Message(i));
    }

    await db.SaveChangesAsync();
}

async Task<TimeSpan> BareAsync()
{
    var from = MailboxAddress.Parse(From);
    var watch = Stopwatch.StartNew();
    using var client = new SmtpClient();
    await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
    for (var i = 1; i <= count; i++)
    {
        await client.SendAsync(SmtpEmailTransport.ToMime(Message(i) with { MessageId = $"bare.{i}@cjp.example.org" }, from, DateTimeOffset.UtcNow));
    }

    await client.DisconnectAsync(quit: true);
    return watch.Elapsed;
}

/// <summary>The links in subscription e-mails need an environment; the bench is "Production" with a base URL.</summary>
internal sealed class BenchEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Production;
    public string ApplicationName { get; set; } = "MailerBench";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}

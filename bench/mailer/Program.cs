using System.Diagnostics;
using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Email;
using CjpPortal.Core.Identity;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

// bench/mailer.sh runs this: dotnet MailerBench.dll <connection string> <smtp port> <messages> <runs>
// Each run: queue N messages in the outbox (not timed), then time the dispatcher until the outbox is empty; and
// time a bare MailKit sender (one connection, the same messages built the same way) sending N to the same server.
// The two alternate, the bare sender first in odd runs, so a drift in the machine's speed hits both alike.
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

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Email:From"] = From,
    ["Email:Transport"] = "Smtp",
    ["Email:Smtp:Host"] = "127.0.0.1",
    ["Email:Smtp:Port"] = args[1],
    ["Email:Smtp:Security"] = "None",
    ["Email:Dispatcher:InstanceId"] = "bench",
    ["Email:Dispatcher:BatchSize"] = Environment.GetEnvironmentVariable("CJP_MAILER_BATCH") ?? "50",
}).Build();
var services = new ServiceCollection();
services.AddSingleton<IConfiguration>(configuration);
services.AddLogging();
services.AddPortalCore(connectionString);
services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole<Guid>>().AddEntityFrameworkStores<AppDbContext>();
await using var provider = services.BuildServiceProvider();
await DatabaseSetup.MigrateAndSeedAsync(provider, demoMode: false);
var dispatcher = provider.GetRequiredService<OutboxDispatcher>();

Console.WriteLine($"run,sender,messages,seconds,messages_per_second");
for (var run = 1; run <= runs; run++)
{
    var bareFirst = run % 2 == 1;
    if (bareFirst)
    {
        Report(run, "bare", await BareAsync());
    }

    await QueueAsync();
    var watch = Stopwatch.StartNew();
    var sent = 0;
    while (true)
    {
        var result = await dispatcher.SendDueAsync(CancellationToken.None);
        sent += result.Sent;
        if (result.Sent == 0 && result.Retried == 0)
        {
            break;
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

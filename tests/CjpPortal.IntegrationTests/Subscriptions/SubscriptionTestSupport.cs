using System.Text.RegularExpressions;
using CjpPortal.Core;
using CjpPortal.Core.Scheduling;
using CjpPortal.Core.Subscriptions;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit.Sdk;

namespace CjpPortal.IntegrationTests.Subscriptions;

/// <summary>What the subscription tests share: posting the subscribe form (several values for one field), finding a
/// link in a received e-mail, queuing a broadcast and running the scheduler.</summary>
internal static partial class SubscriptionTestSupport
{
    public static async Task<HtmlPage> SubscribeAsync(this HttpClient client, params (string Name, string Value)[] values)
    {
        var form = await client.GetDocumentAsync("/subscribe");
        // As a browser: unchecked boxes and radios send nothing, a text field sends what is in it, and a ticked box
        // comes before the hidden "false" that follows it.
        var fields = values.Where(v => v.Value.Length > 0 || v.Name == "Email").Select(v => KeyValuePair.Create(v.Name, v.Value))
            .Concat(form.Document.QuerySelectorAll("main form input[type=hidden]")
                .Select(input => KeyValuePair.Create(input.GetAttribute("name") ?? string.Empty, input.GetAttribute("value") ?? string.Empty)))
            .ToList();
        return await client.PostFormAsync("/subscribe", fields);
    }

    public static async Task<int> PartnershipIdAsync(this PortalFixture fixture, string slug) =>
        await fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    /// <summary>The site-relative address of the first portal link to <paramref name="path"/> in the message's text part.</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        var match = Regex.Match(message.TextBody ?? string.Empty, "http://localhost(" + Regex.Escape(path) + @"\?token=[^\s]+)");
        return match.Success ? match.Groups[1].Value : throw new XunitException($"No link to {path} in:\n{message.TextBody}");
    }

    public static async Task QueueBroadcastAsync(this PortalFixture fixture, int? partnershipId, SubscriptionTopics topic = SubscriptionTopics.MeetingsAndUpdates, string subject = "Forum meeting on 3 March")
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await scope.ServiceProvider.GetRequiredService<IBroadcasts>().QueueAsync(db, partnershipId, topic, subject,
            "The Falkirk third-sector forum meets in the Town Hall.", "<p>The Falkirk third-sector forum meets in the <strong>Town Hall</strong>.</p>",
            new Uri("http://localhost/partnerships/falkirk"));
        await db.SaveChangesAsync();
    }

    public static Task RunSchedulerAsync(this PortalFixture fixture) =>
        fixture.Factory.Services.GetRequiredService<Scheduler>().RunDueAsync(CancellationToken.None);
}

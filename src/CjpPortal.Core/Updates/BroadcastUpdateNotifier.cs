using System.Globalization;
using System.Net;
using CjpPortal.Core.Rules;
using CjpPortal.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Updates;

/// <summary>Publishing an update (or re-sending a correction) queues one <see cref="Broadcast"/> for the subscribers
/// who chose meetings and updates: those following the partnership, or, for a national update, all of Scotland. It is
/// added to the publishing context and saved in its transaction; the fan-out sends it later, in batches.</summary>
public sealed class BroadcastUpdateNotifier(IBroadcasts broadcasts, SubscriptionLinks links) : IUpdateNotifier
{
    public async Task UpdatePublishedAsync(AppDbContext db, ForumUpdate update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(update);
        var from = update.PartnershipId is { } id
            ? await db.Partnerships.Where(p => p.Id == id).Select(p => p.Name).SingleAsync(ct)
            : "Community Justice Scotland";
        var when = update.Kind == UpdateKind.Meeting && update.StartsAt is { } starts
            ? ScottishTime.LocalOf(starts).ToString("dddd d MMMM yyyy 'at' h:mmtt", CultureInfo.GetCultureInfo("en-GB")).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal)
            : null;
        var where = string.Join(", ", new[] { update.Place, update.OnlineLink }.Where(w => !string.IsNullOrWhiteSpace(w)));

        var facts = new List<string>();
        if (when is not null)
        {
            facts.Add($"When: {when}");
        }

        if (where.Length > 0)
        {
            facts.Add($"Where: {where}");
        }

        var text = (facts.Count > 0 ? string.Join('\n', facts) + "\n\n" : string.Empty) + UpdateMarkdown.ToPlainText(update.Body);
        var html = (facts.Count > 0 ? "<p>" + string.Join("<br>", facts.Select(WebUtility.HtmlEncode)) + "</p>\n" : string.Empty) + UpdateMarkdown.ToHtml(update.Body);
        await broadcasts.QueueAsync(db, update.PartnershipId, SubscriptionTopics.MeetingsAndUpdates,
            $"{from}: {update.Title}", text, html, links.Absolute($"/updates/{update.Id}"), ct);
    }
}

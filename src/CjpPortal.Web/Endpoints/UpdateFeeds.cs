using System.Globalization;
using System.Text;
using System.Xml;
using CjpPortal.Core.Rules;
using CjpPortal.Core.Updates;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CjpPortal.Web.Endpoints;

/// <summary>The updates as feeds: Atom (RFC 4287) nationally and per partnership, and iCalendar (RFC 5545) files of
/// meetings and consultation close dates nationally and per partnership, plus one meeting's "Add to calendar" file at
/// <c>/updates/{id}.ics</c>. All public and output-cached like the pages (evicted when an update is published or
/// corrected); addresses inside come from Portal:BaseUrl, never the request's Host.</summary>
public static class UpdateFeeds
{
    public const string NationalFeedName = "updates-atom";
    public const string PartnershipFeedName = "partnership-updates-atom";
    public const string NationalCalendarName = "calendar-ics";
    public const string PartnershipCalendarName = "partnership-calendar-ics";
    public const string MeetingCalendarName = "update-ics";

    public const string AtomContentType = "application/atom+xml; charset=utf-8";
    public const string CalendarContentType = "text/calendar; charset=utf-8";

    /// <summary>How many of the newest updates a feed carries.</summary>
    public const int FeedSize = 50;

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string TimeZoneId = "Europe/London";

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/updates.atom", methods, NationalFeedAsync).AllowAnonymous().CacheOutput(PublicCache.PolicyName).WithName(NationalFeedName);
        app.MapMethods("/partnerships/{slug}/updates.atom", methods, PartnershipFeedAsync).AllowAnonymous().CacheOutput(PublicCache.PolicyName).WithName(PartnershipFeedName);
        app.MapMethods("/calendar.ics", methods, NationalCalendarAsync).AllowAnonymous().CacheOutput(PublicCache.PolicyName).WithName(NationalCalendarName);
        app.MapMethods("/partnerships/{slug}/calendar.ics", methods, PartnershipCalendarAsync).AllowAnonymous().CacheOutput(PublicCache.PolicyName).WithName(PartnershipCalendarName);
        app.MapMethods("/updates/{id:int}.ics", methods, MeetingCalendarAsync).AllowAnonymous().CacheOutput(PublicCache.PolicyName).WithName(MeetingCalendarName);
    }

    private static async Task<IResult> NationalFeedAsync(HttpContext context, UpdateQueries queries, PortalLinks links, Pages.PublicLinks pages)
    {
        var updates = await queries.LatestAsync(null, FeedSize, context.RequestAborted);
        return Atom(context, links, pages.UpdatesFeed(), pages.Updates(), "Updates and meetings: community justice in Scotland",
            "Community Justice Scotland", updates, queries.Now);
    }

    private static async Task<IResult> PartnershipFeedAsync(string slug, HttpContext context, DirectoryQueries directory, UpdateQueries queries,
        PortalLinks links, Pages.PublicLinks pages)
    {
        var partnership = Slug.IsValid(slug) ? await directory.FindBySlugAsync(slug, context.RequestAborted) : null;
        if (partnership is null)
        {
            return Results.NotFound();
        }

        var updates = await queries.LatestAsync(partnership.Id, FeedSize, context.RequestAborted);
        return Atom(context, links, pages.PartnershipUpdatesFeed(partnership.Slug), pages.PartnershipUpdates(partnership.Slug),
            $"Updates and meetings: {partnership.Name}", partnership.Name, updates, queries.Now);
    }

    private static async Task<IResult> NationalCalendarAsync(HttpContext context, DirectoryQueries directory, UpdateQueries queries, PortalLinks links, Pages.PublicLinks pages)
    {
        var meetings = await queries.MeetingsAsync(null, context.RequestAborted);
        var partnerships = await directory.AllAsync(context.RequestAborted);
        return Ics(context, links, pages, "Community justice in Scotland: meetings and consultations", meetings, partnerships, queries.Now);
    }

    private static async Task<IResult> PartnershipCalendarAsync(string slug, HttpContext context, DirectoryQueries directory, UpdateQueries queries,
        PortalLinks links, Pages.PublicLinks pages)
    {
        var partnership = Slug.IsValid(slug) ? await directory.FindBySlugAsync(slug, context.RequestAborted) : null;
        if (partnership is null)
        {
            return Results.NotFound();
        }

        var meetings = await queries.MeetingsAsync(partnership.Id, context.RequestAborted);
        return Ics(context, links, pages, $"{partnership.Name}: meetings and consultations", meetings, [partnership], queries.Now);
    }

    private static async Task<IResult> MeetingCalendarAsync(int id, HttpContext context, UpdateQueries queries, PortalLinks links, Pages.PublicLinks pages)
    {
        var update = await queries.FindPublishedAsync(id, context.RequestAborted);
        if (update is not { Kind: UpdateKind.Meeting, StartsAt: not null })
        {
            return Results.NotFound();
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"meeting-{id.ToString(CultureInfo.InvariantCulture)}.ics\"";
        return Ics(context, links, pages, update.Title, [update], [], queries.Now);
    }

    /// <summary>An Atom feed: the feed's id is its own address (stable), each entry's id the update's page address.</summary>
    private static IResult Atom(HttpContext context, PortalLinks links, string feedPath, string pagePath, string title, string author,
        IReadOnlyList<UpdateView> updates, DateTimeOffset now)
    {
        var baseUri = links.BaseUri(context.Request);
        string Absolute(string path) => new Uri(baseUri, path.TrimStart('/')).AbsoluteUri;
        var updated = updates.Count == 0 ? now : updates.Max(u => u.LastChanged);

        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, Absolute(feedPath));
            xml.WriteElementString("title", AtomNamespace, title);
            xml.WriteElementString("updated", AtomNamespace, AtomDate(updated));
            WriteAuthor(xml, author);
            WriteLink(xml, "self", "application/atom+xml", Absolute(feedPath));
            WriteLink(xml, "alternate", "text/html", Absolute(pagePath));
            foreach (var update in updates)
            {
                var page = Absolute($"/updates/{update.Id.ToString(CultureInfo.InvariantCulture)}");
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, page);
                xml.WriteElementString("title", AtomNamespace, update.Title);
                xml.WriteElementString("updated", AtomNamespace, AtomDate(update.LastChanged));
                xml.WriteElementString("published", AtomNamespace, AtomDate(update.PublishedAt ?? update.LastChanged));
                WriteAuthor(xml, update.Author);
                WriteLink(xml, "alternate", "text/html", page);
                xml.WriteElementString("summary", AtomNamespace, update.Summary);
                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", "html");
                // The same sanitised HTML as the page, escaped as text (type="html"), with the meeting's details first.
                xml.WriteString(MeetingHtml(update) + update.Html);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        context.Response.Headers.LastModified = updated.ToString("R", CultureInfo.InvariantCulture);
        // XmlWriter into a StringBuilder declares UTF-16; the response is UTF-8.
        var text = builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
        return Results.Text(text, AtomContentType, Encoding.UTF8);
    }

    private static string MeetingHtml(UpdateView update)
    {
        if (update is not { Kind: UpdateKind.Meeting, StartsAt: { } starts })
        {
            return string.Empty;
        }

        var html = new StringBuilder("<p><strong>Meeting:</strong> ")
            .Append(System.Net.WebUtility.HtmlEncode(Display.Meeting(starts, update.EndsAt))).Append(" (UK time)");
        if (!string.IsNullOrEmpty(update.Place))
        {
            html.Append("<br>Where: ").Append(System.Net.WebUtility.HtmlEncode(update.Place));
        }

        if (!string.IsNullOrEmpty(update.OnlineLink))
        {
            html.Append("<br>Online: <a href=\"").Append(System.Net.WebUtility.HtmlEncode(update.OnlineLink)).Append("\">join the meeting</a>");
        }

        return html.Append("</p>").ToString();
    }

    private static void WriteAuthor(XmlWriter xml, string name)
    {
        xml.WriteStartElement("author", AtomNamespace);
        xml.WriteElementString("name", AtomNamespace, name);
        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string AtomDate(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>An iCalendar file: each meeting in Europe/London time (with its VTIMEZONE), each announced consultation's
    /// closing day as an all-day event. UIDs are stable (the record's kind and id at the portal's host), so a calendar
    /// that subscribes updates an event instead of adding it again.</summary>
    private static IResult Ics(HttpContext context, PortalLinks links, Pages.PublicLinks pages, string name, IReadOnlyList<UpdateView> meetings,
        IReadOnlyList<PartnershipSnapshot> partnerships, DateTimeOffset now)
    {
        var baseUri = links.BaseUri(context.Request);
        var host = baseUri.Host;
        var calendar = new Ical.Net.Calendar { ProductId = "-//CJP Portal//Updates//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddTimeZone(new VTimeZone(TimeZoneId));
        var stamp = new CalDateTime(now.UtcDateTime, "UTC");
        foreach (var meeting in meetings)
        {
            var starts = meeting.StartsAt!.Value;
            var calendarEvent = new CalendarEvent
            {
                Uid = string.Create(CultureInfo.InvariantCulture, $"update-{meeting.Id}@{host}"),
                Summary = meeting.Title,
                Description = UpdateMarkdown.ToPlainText(meeting.Body),
                Location = string.Join(" / ", new[] { meeting.Place, meeting.OnlineLink }.Where(v => !string.IsNullOrEmpty(v))),
                Url = new Uri(baseUri, pages.Update(meeting.Id).TrimStart('/')),
                DtStamp = stamp,
                DtStart = Local(starts),
                DtEnd = Local(meeting.EndsAt ?? starts.AddHours(1)),
            };
            calendar.Events.Add(calendarEvent);
        }

        foreach (var partnership in partnerships)
        {
            foreach (var plan in partnership.Plans.Where(p => p.ConsultationOpensOn is not null && p.ConsultationClosesOn is not null))
            {
                var closes = plan.ConsultationClosesOn!.Value;
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = string.Create(CultureInfo.InvariantCulture, $"consultation-closes-{plan.Id}@{host}"),
                    Summary = $"{partnership.Name}: consultation on the draft plan closes",
                    Url = new Uri(baseUri, pages.Partnership(partnership.Slug).TrimStart('/')),
                    DtStamp = stamp,
                    DtStart = new CalDateTime(closes),
                    DtEnd = new CalDateTime(closes.AddDays(1)),
                });
            }
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
        return Results.Text(text, CalendarContentType, Encoding.UTF8);
    }

    private static CalDateTime Local(DateTimeOffset instant) =>
        new(ScottishTime.LocalOf(instant).DateTime, TimeZoneId);
}

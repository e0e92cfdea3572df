using System.Net;
using System.Xml.Linq;
using CjpPortal.TestCommon;
using Ical.Net;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Updates;

/// <summary>The public update pages, the Atom feeds (RFC 4287's required elements) and the iCalendar files.</summary>
public sealed class PublicUpdatesTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private const string Hostile = "Hello <script>alert('x')</script> and [click](javascript:alert(1))";

    [Fact]
    public async Task Get_HostileMarkdown_ShowsAsTextOnPageAndInFeed()
    {
        // Arrange
        var update = await Fixture.CreateUpdateAsync(Partnership, "Hostile", Hostile, publishedAt: Fixture.Clock.GetUtcNow());
        using var reader = Fixture.CreateAccountsClient();

        // Act
        var page = await reader.GetDocumentAsync($"/updates/{update.Id}");
        var feed = XDocument.Parse(await reader.GetStringAsync($"/partnerships/{Partnership}/updates.atom"));

        // Assert
        var body = page.One("#update-body");
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Contains("<script>alert('x')</script>", body.TextContent, StringComparison.Ordinal);
        var content = feed.Root!.Element(Atom + "entry")!.Element(Atom + "content")!.Value;
        Assert.Contains("&lt;script&gt;", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", content, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/updates.atom")]
    [InlineData($"/partnerships/{Partnership}/updates.atom")]
    public async Task Get_AtomFeed_HasRfc4287RequiredElements(string url)
    {
        // Arrange
        var now = Fixture.Clock.GetUtcNow();
        var update = await Fixture.CreateUpdateAsync(Partnership, "Forum news", "News", publishedAt: now.AddHours(-1));
        await Fixture.CreateUpdateAsync(Partnership, "Draft", "Not yet");
        using var reader = Fixture.CreateAccountsClient();

        // Act
        var response = await reader.GetAsync(url);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated" })
        {
            Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + required)?.Value), required);
        }

        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && ((string?)l.Attribute("href"))!.EndsWith(url, StringComparison.Ordinal));
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.EndsWith($"/updates/{update.Id}", entry.Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString(entry.Element(Atom + "id")!.Value, UriKind.Absolute));
        Assert.Equal("Forum news", entry.Element(Atom + "title")!.Value);
        Assert.Equal(now.AddHours(-1), DateTimeOffset.Parse(entry.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(entry.Element(Atom + "published"));
        Assert.Equal("html", (string?)entry.Element(Atom + "content")!.Attribute("type"));
        Assert.Contains(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
    }

    [Fact]
    public async Task Get_PartnershipCalendar_HasMeetingsAndConsultationCloseDates()
    {
        // Arrange
        var starts = new DateTimeOffset(2027, 6, 10, 13, 30, 0, TimeSpan.Zero); // 14:30 in Scotland (BST)
        var meeting = await Fixture.CreateUpdateAsync(Partnership, "Forum meeting", "Agenda", startsAt: starts, endsAt: starts.AddHours(2),
            publishedAt: Fixture.Clock.GetUtcNow());
        await Fixture.CreateUpdateAsync(Partnership, "Draft meeting", "Agenda", startsAt: starts);
        var plan = await Fixture.CreatePlanAsync(Partnership, new(2027, 4, 1), new(2032, 3, 31),
            consultationOpensOn: new(2026, 11, 1), consultationClosesOn: new(2027, 1, 15));
        using var reader = Fixture.CreateAccountsClient();

        // Act
        var response = await reader.GetAsync($"/partnerships/{Partnership}/calendar.ics");
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text)!;

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
        Assert.Equal(2, calendar.Events.Count);
        var forum = Assert.Single(calendar.Events, e => e.Summary == "Forum meeting");
        Assert.Equal($"update-{meeting.Id}@localhost", forum.Uid);
        Assert.Equal("Europe/London", forum.DtStart!.TzId);
        Assert.Equal(new DateTime(2027, 6, 10, 14, 30, 0), forum.DtStart.Value);
        Assert.Equal(starts.UtcDateTime, forum.DtStart.AsUtc);
        Assert.NotNull(forum.DtStamp);
        var closes = Assert.Single(calendar.Events, e => e.Uid == $"consultation-closes-{plan.Id}@localhost");
        Assert.False(closes.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2027, 1, 15), DateOnly.FromDateTime(closes.DtStart.Value));
    }

    [Fact]
    public async Task Get_MeetingIcs_IsOneEventWithStableUid()
    {
        // Arrange
        var starts = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
        var meeting = await Fixture.CreateUpdateAsync(null, "National forum", "Agenda", startsAt: starts, onlineLink: "https://meet.example.org/x",
            publishedAt: Fixture.Clock.GetUtcNow());
        using var reader = Fixture.CreateAccountsClient();
        var page = await reader.GetDocumentAsync($"/updates/{meeting.Id}");

        // Act
        var first = Calendar.Load(await reader.GetStringAsync(page.One("#add-to-calendar").GetAttribute("href")!))!;
        await Fixture.EvictCachesAsync();
        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        var second = Calendar.Load(await reader.GetStringAsync($"/updates/{meeting.Id}.ics"))!;

        // Assert
        Assert.Contains("3 December 2026", page.One("#meeting-time").TextOf(), StringComparison.Ordinal);
        var calendarEvent = Assert.Single(first.Events);
        Assert.Equal(calendarEvent.Uid, Assert.Single(second.Events).Uid);
        Assert.Equal(starts.UtcDateTime, calendarEvent.DtStart!.AsUtc);
        Assert.Contains("https://meet.example.org/x", calendarEvent.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DraftMeetingIcs_IsNotFound()
    {
        // Arrange
        var draft = await Fixture.CreateUpdateAsync(Partnership, startsAt: Fixture.Clock.GetUtcNow().AddDays(3));
        using var reader = Fixture.CreateAccountsClient();

        // Act
        var response = await reader.GetAsync($"/updates/{draft.Id}.ics");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_PartnershipUpdates_ListsPublishedOnlyWithFeedInHead()
    {
        // Arrange
        await Fixture.CreateUpdateAsync(Partnership, "Published one", publishedAt: Fixture.Clock.GetUtcNow());
        await Fixture.CreateUpdateAsync(Partnership, "Draft one");
        await Fixture.CreateUpdateAsync(OtherPartnership, "Orkney one", publishedAt: Fixture.Clock.GetUtcNow());
        using var reader = Fixture.CreateAccountsClient();

        // Act
        var page = await reader.GetDocumentAsync($"/partnerships/{Partnership}/updates");

        // Assert
        var list = page.One("#update-list").TextOf();
        Assert.Contains("Published one", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft one", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Orkney one", list, StringComparison.Ordinal);
        Assert.Equal($"/partnerships/{Partnership}/updates.atom",
            page.One("head link[rel=alternate][type='application/atom+xml']").GetAttribute("href"));
        Assert.StartsWith("webcal://", page.One("#feeds a[href^=webcal]").GetAttribute("href"), StringComparison.Ordinal);
    }
}

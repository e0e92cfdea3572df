using System.Net;
using System.Text.RegularExpressions;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Organisations;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Organisations;

/// <summary>The yearly confirmation cycle of listings with the fixture clock: the request and reminders, the notice
/// when a listing is hidden, each once and none after confirming; "may be out of date" from 13 months (sorted below
/// current listings), hidden from the public at 18 months, back after confirming through the e-mailed link.</summary>
public sealed partial class ListingReviewTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture), IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new FixedTimeProvider().GetUtcNow();

    async Task IAsyncLifetime.DisposeAsync()
    {
        Fixture.Clock.SetUtcNow(Start);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Run_SimulatedEighteenMonths_SendsRequestRemindersAndHiddenNoticeOnceAndNothingAfterConfirming()
    {
        // Arrange: two listings published today; the second is confirmed through its link a week after the request.
        // The clock is set here too: the run must not depend on where another test left the shared fixture's clock.
        Fixture.Clock.SetUtcNow(Start);
        var silent = await Fixture.CreateOrganisationAsync("Silent Trust", areas: ["Falkirk"], contactEmail: "silent@example.org");
        var prompt = await Fixture.CreateOrganisationAsync("Prompt Trust", areas: ["Falkirk"], contactEmail: "prompt@example.org");
        var anonymous = Fixture.CreateClient();
        var sent = new List<string>();
        var requested = DateOnly.FromDateTime(Start.AddMonths(12).UtcDateTime);

        // Act: every day from just before the request to just after the listing is hidden.
        for (var day = requested.AddDays(-2); day <= DateOnly.FromDateTime(Start.AddMonths(18).UtcDateTime).AddDays(3); day = day.AddDays(1))
        {
            if (day == requested.AddDays(7))
            {
                var page = await anonymous.GetDocumentAsync(await LinkInMailAsync("prompt@example.org"));
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                var confirmed = await anonymous.SubmitAsync(page, new Dictionary<string, string>());
                Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
            }

            var before = (await Fixture.QueuedEmailsAsync()).Count;
            await Fixture.RunSchedulerOnAsync(day);
            sent.AddRange((await Fixture.QueuedEmailsAsync()).Skip(before).Select(e => $"{(day.DayNumber - requested.DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture)} {e.To} {e.Subject}"));
        }

        // Assert
        // Hidden once strictly more than 18 months have passed: the day after the 18-month day at noon.
        var hiddenDay = DateOnly.FromDateTime(Start.AddMonths(18).UtcDateTime).DayNumber + 1 - requested.DayNumber;
        string[] expected =
        [
            $"0 prompt@example.org {ListingReviewEmail.SubjectFor(prompt.Name, reminder: false)}",
            $"0 silent@example.org {ListingReviewEmail.SubjectFor(silent.Name, reminder: false)}",
            $"14 silent@example.org {ListingReviewEmail.SubjectFor(silent.Name, reminder: true)}",
            $"28 silent@example.org {ListingReviewEmail.SubjectFor(silent.Name, reminder: true)}",
            $"{hiddenDay.ToString(System.Globalization.CultureInfo.InvariantCulture)} silent@example.org {ListingHiddenEmail.SubjectFor(silent.Name)}",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), sent.Order(StringComparer.Ordinal));
        var promptConfirmed = await Fixture.WithDbContextAsync(db => db.Organisations.Where(o => o.Id == prompt.Id).Select(o => o.ConfirmedAt).SingleAsync());
        Assert.Equal(new DateTimeOffset(requested.AddDays(6), new TimeOnly(12, 0), TimeSpan.Zero), promptConfirmed);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(1, true)]
    public async Task Get_ThirteenMonthsUnconfirmedGiveOrTakeADay_MarkedOutOfDateAndSortedBelowOnlyAfter(int daysPast, bool outOfDate)
    {
        // Arrange: "Aardvark" would come first by name; confirmed 13 months and a day ago (or 13 months less a day).
        var old = await Fixture.CreateOrganisationAsync("Aardvark Housing Trust", areas: ["Falkirk"], themes: [Theme.HousingAndHomelessness],
            confirmedAt: Start.AddMonths(-13).AddDays(-daysPast));
        var current = await Fixture.CreateOrganisationAsync("Zebra Housing Trust", areas: ["Falkirk"], themes: [Theme.HousingAndHomelessness]);
        var client = Fixture.CreateClient();

        // Act
        var search = await client.GetDocumentAsync("/organisations?q=housing");
        var browse = await client.GetDocumentAsync("/organisations?theme=housing-and-homelessness");
        var partnership = await client.GetDocumentAsync("/partnerships/falkirk");
        var listing = await client.GetDocumentAsync($"/organisations/{old.Id}");

        // Assert
        int[] order = outOfDate ? [current.Id, old.Id] : [old.Id, current.Id];
        Assert.Equal(order, search.Document.QuerySelectorAll("#results li").Select(li => int.Parse(li.GetAttribute("data-organisation-id")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(order, browse.Document.QuerySelectorAll("#results li").Select(li => int.Parse(li.GetAttribute("data-organisation-id")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(order.Select(id => $"/organisations/{id}"), partnership.Document.QuerySelectorAll("#organisation-list li a").Select(a => a.GetAttribute("href")));
        Assert.Equal(outOfDate, search.Document.QuerySelector($"#results li[data-organisation-id='{old.Id}'] .cjp-out-of-date") is not null);
        Assert.Equal(outOfDate, partnership.Document.QuerySelector("#organisation-list .cjp-out-of-date") is not null);
        Assert.Equal(outOfDate, listing.Document.QuerySelector("#out-of-date") is not null);
        if (outOfDate)
        {
            var lastConfirmed = Display(Start.AddMonths(-13).AddDays(-daysPast));
            Assert.Contains($"may be out of date: it was last confirmed on {lastConfirmed}", listing.Text, StringComparison.Ordinal);
            Assert.Contains($"last confirmed {lastConfirmed}", search.Text, StringComparison.Ordinal);
        }

        Assert.Null(search.Document.QuerySelector($"#results li[data-organisation-id='{current.Id}'] .cjp-out-of-date"));
    }

    [Fact]
    public async Task Get_EighteenMonthsUnconfirmed_HiddenFromThePublicShownToModeratorsAndBackAfterConfirming()
    {
        // Arrange
        var hidden = await Fixture.CreateOrganisationAsync("Forgotten Advocacy Project", areas: ["Falkirk"], themes: [Theme.Advocacy],
            confirmedAt: Start.AddMonths(-18).AddDays(-1), services: new TestService("Forgotten advocacy drop-in"));
        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        var client = Fixture.CreateClient();
        using var moderator = Fixture.CreateClientAs(staff.Id);

        // Act
        var before = await PublicViewsAsync(client, hidden.Id);
        var queue = await moderator.GetDocumentAsync("/manage/organisations");
        var page = await client.GetDocumentAsync(await ConfirmPathAsync(hidden.Id));
        var confirmed = await client.SubmitAsync(page, new Dictionary<string, string>());
        var banner = await client.GetDocumentAsync(confirmed.Response.Headers.Location!.OriginalString);
        var after = await PublicViewsAsync(client, hidden.Id);

        // Assert
        Assert.Equal((HttpStatusCode.NotFound, false, false, false, false), before);
        Assert.Contains($"Forgotten Advocacy Project (Falkirk) hidden: not confirmed since {Display(Start.AddMonths(-18).AddDays(-1))}", queue.Text, StringComparison.Ordinal);
        Assert.Contains("The listing is hidden from the directory", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains(Web.Pages.Organisations.ConfirmModel.ConfirmedBanner, banner.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, true, true, true, true), after);
        var history = await Fixture.WithDbContextAsync(db => db.AuditEntries.Where(e => e.Entity == nameof(Organisation) && e.EntityId == hidden.Id && e.Field == "ConfirmedAt")
            .Select(e => e.UserEmail).ToListAsync());
        Assert.Equal([hidden.ContactEmail], history);
    }

    [Fact]
    public async Task Post_TamperedOrExpiredConfirmLink_ShowsLinkNotWorkingAndChangesNothing()
    {
        // Arrange
        var listing = await Fixture.CreateOrganisationAsync("Careful Trust", areas: ["Fife"], confirmedAt: Start.AddMonths(-12).AddDays(-3));
        var other = await Fixture.CreateOrganisationAsync("Other Trust", areas: ["Fife"]);
        var client = Fixture.CreateClient();
        var path = await ConfirmPathAsync(listing.Id);
        var page = await client.GetDocumentAsync(path);
        var token = page.Document.QuerySelector("input[name='Token']")!.GetAttribute("value")!;

        // Act
        var tampered = await client.SubmitAsync(page, new Dictionary<string, string> { ["Token"] = token[..^2] + (token[^1] == 'A' ? "BB" : "AA") });
        var foreign = await client.GetDocumentAsync(OrganisationLinks.ConfirmPath(other.Id, token));
        var editToken = await client.GetDocumentAsync(OrganisationLinks.ConfirmPath(listing.Id, Links().EditToken(listing)));
        Fixture.Clock.Advance(OrganisationLinks.ConfirmLifetime + TimeSpan.FromMinutes(1));
        var expired = await client.SubmitAsync(page, new Dictionary<string, string>());

        // Assert
        foreach (var answer in new[] { tampered, foreign, editToken, expired })
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Contains("This link does not work", answer.Text, StringComparison.Ordinal);
        }

        var confirmedAt = await Fixture.WithDbContextAsync(db => db.Organisations.Where(o => o.Id == listing.Id || o.Id == other.Id).OrderBy(o => o.Id).Select(o => o.ConfirmedAt).ToListAsync());
        Assert.Equal([listing.ConfirmedAt, other.ConfirmedAt], confirmedAt);
    }

    private async Task<(HttpStatusCode Page, bool Search, bool Partnership, bool Csv, bool Api)> PublicViewsAsync(HttpClient client, int id)
    {
        await Fixture.EvictCachesAsync();
        var page = await client.GetAsync(new Uri($"/organisations/{id}", UriKind.Relative));
        var search = await client.GetDocumentAsync("/organisations?q=advocacy");
        var partnership = await client.GetDocumentAsync("/partnerships/falkirk");
        var csv = await client.GetStringAsync(new Uri("/organisations.csv", UriKind.Relative));
        var api = await client.GetStringAsync(new Uri("/api/openreferral/v3/services?search=advocacy", UriKind.Relative));
        return (page.StatusCode, search.Document.QuerySelector($"#results li[data-organisation-id='{id}']") is not null,
            partnership.Document.QuerySelector($"#organisation-list a[href='/organisations/{id}']") is not null,
            csv.Contains("Forgotten Advocacy Project", StringComparison.Ordinal), api.Contains("Forgotten advocacy drop-in", StringComparison.Ordinal));
    }

    private OrganisationLinks Links() => Fixture.Factory.Services.GetRequiredService<OrganisationLinks>();

    private Task<string> ConfirmPathAsync(int id) =>
        Fixture.WithDbContextAsync(async db => OrganisationLinks.ConfirmPath(id, Links().ConfirmToken(await db.Organisations.SingleAsync(o => o.Id == id))));

    private static string Display(DateTimeOffset at) => Web.Infrastructure.Display.Date(DateOnly.FromDateTime(at.UtcDateTime));

    /// <summary>The site-relative path of the newest confirm link in mail to <paramref name="to"/>.</summary>
    private async Task<string> LinkInMailAsync(string to)
    {
        var bodies = await Fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.To == to).OrderByDescending(e => e.Id).Select(e => e.TextBody).ToListAsync());
        return new Uri(bodies.SelectMany(b => LinkPattern().Matches(b).Select(m => m.Value)).First(l => l.Contains("/confirm?token=", StringComparison.Ordinal))).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}

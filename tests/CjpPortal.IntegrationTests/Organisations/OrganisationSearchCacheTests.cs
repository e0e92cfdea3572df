using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Organisations;
using CjpPortal.IntegrationTests.Manage;
using CjpPortal.TestCommon;
using CjpPortal.Web.Pages.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Organisations;

/// <summary>/organisations keeps what PostgreSQL answered to a search's words in the listing index: the same search
/// again runs no SQL and shows the same page, the yearly confirmation still hides listings as time passes, and an edit
/// that evicts the index shows on the next search.</summary>
public sealed class OrganisationSearchCacheTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture), IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new FixedTimeProvider().GetUtcNow();

    /// <summary>Falkirk (S12000014), mental health, "peer support": full-text search.</summary>
    private const string Search = "/organisations?q=peer+support&theme=mental-health&area=S12000014";

    /// <summary>Full-text search finds nothing; word similarity finds the listing.</summary>
    private const string Misspelt = "/organisations?q=peer+suport+grups";

    async Task IAsyncLifetime.DisposeAsync()
    {
        Fixture.Clock.SetUtcNow(Start);
        await Task.CompletedTask;
    }

    private async Task SeedAsync()
    {
        await Fixture.CreateOrganisationAsync("Peer Support Falkirk", areas: ["Falkirk"], themes: [Theme.MentalHealth],
            description: "Peer support groups for adults with mental health problems.");
        await Fixture.CreateOrganisationAsync("Scotland Listening", allOfScotland: true, themes: [Theme.MentalHealth, Theme.VictimsAndWitnesses],
            description: "Telephone peer support for victims of crime.");
        await Fixture.CreateOrganisationAsync("Stirling Peer Mentors", areas: ["Stirling"], themes: [Theme.MentalHealth],
            description: "Peer support and mentoring after release.");
        await Fixture.CreateOrganisationAsync("Falkirk Tenancy Help", areas: ["Falkirk"], themes: [Theme.HousingAndHomelessness],
            description: "Peer support to keep a tenancy.");
        await Fixture.CreateOrganisationAsync("Unapproved Peers", areas: ["Falkirk"], themes: [Theme.MentalHealth], status: OrganisationStatus.AwaitingModeration,
            description: "Peer support, not yet approved.");
    }

    [Fact]
    public async Task Get_SameSearchTwice_ShowsTheSamePageWithoutSqlTheSecondTime()
    {
        // Arrange
        await SeedAsync();
        var client = Fixture.CreateClient();
        using var sql = await SqlLog.StartAsync(Fixture.Database.Name);

        // Act
        var first = await client.GetDocumentAsync(Search);
        var firstSql = sql.Take();
        var second = await client.GetDocumentAsync(Search);
        var secondSql = sql.Take();
        var misspelt = await client.GetDocumentAsync(Misspelt);
        var misspeltSql = sql.Take();
        var misspeltAgain = await client.GetDocumentAsync(Misspelt);
        var misspeltAgainSql = sql.Take();

        // Assert
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["Peer Support Falkirk", "Scotland Listening"], Names(first).Order(StringComparer.Ordinal));
        Assert.Equal(Names(first), Names(second));
        Assert.Equal(first.One("main").TextOf(), second.One("main").TextOf());
        Assert.Contains(firstSql, c => c.Contains("websearch_to_tsquery", StringComparison.Ordinal));
        Assert.Empty(secondSql);
        Assert.Contains("Peer Support Falkirk", Names(misspelt));
        Assert.Equal(misspelt.One("main").TextOf(), misspeltAgain.One("main").TextOf());
        Assert.Contains(misspeltSql, c => c.Contains("word_similarity", StringComparison.Ordinal));
        Assert.Empty(misspeltAgainSql);
    }

    [Fact]
    public async Task Get_SameSearchAfterAListingPassesEighteenMonthsUnconfirmed_HidesItWithoutSql()
    {
        // Arrange: last confirmed 18 months and 30 seconds before now, so hidden 30 seconds from now (well within the
        // index's lifetime, so the second search is answered from what the first kept).
        var now = Start;
        Fixture.Clock.SetUtcNow(now);
        await Fixture.CreateOrganisationAsync("Peer Support Falkirk", areas: ["Falkirk"], themes: [Theme.MentalHealth],
            description: "Peer support groups for adults with mental health problems.");
        await Fixture.CreateOrganisationAsync("Nearly Forgotten Peers", areas: ["Falkirk"], themes: [Theme.MentalHealth],
            description: "Peer support on Tuesdays.", confirmedAt: now.AddMonths(-18).AddSeconds(30));
        var client = Fixture.CreateClient();
        var before = await client.GetDocumentAsync("/organisations?q=peer+support&area=S12000014");
        using var sql = await SqlLog.StartAsync(Fixture.Database.Name);

        // Act
        Fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        var after = await client.GetDocumentAsync("/organisations?q=peer+support&area=S12000014");

        // Assert
        Assert.Equal(["Nearly Forgotten Peers", "Peer Support Falkirk"], Names(before).Order(StringComparer.Ordinal));
        Assert.Equal(["Peer Support Falkirk"], Names(after));
        Assert.Equal("1 organisation", after.One("#results-count").TextOf());
        Assert.Empty(sql.Take());
    }

    [Fact]
    public async Task Post_ServiceEditAddingTheWords_NextSearchFindsTheListing()
    {
        // Arrange: searched before the edit, so the empty answers (full-text search, then word similarity) are kept
        var listing = await Fixture.CreateOrganisationAsync("Larbert Wellbeing Trust", areas: ["Falkirk"], themes: [Theme.MentalHealth],
            services: [new TestService("Drop-in", "Weekly drop-in sessions.")]);
        var client = Fixture.CreateClient();
        var before = await client.GetDocumentAsync("/organisations?q=befriending&theme=mental-health");
        var token = Fixture.Factory.Services.GetRequiredService<OrganisationLinks>().EditToken(listing);
        var form = await client.GetDocumentAsync(OwnerPages.ServicePath(listing.Id, Assert.Single(listing.Services).Id, token));

        // Act
        var saved = await client.SubmitAsync(form, EditForms.Filled(form, ("Description", "Weekly befriending sessions.")));
        var after = await client.GetDocumentAsync("/organisations?q=befriending&theme=mental-health");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Empty(Names(before));
        Assert.Equal(["Larbert Wellbeing Trust"], Names(after));
    }

    [Fact]
    public async Task Post_ApproveAListingTheWordsMatch_NextSearchFindsIt()
    {
        // Arrange: on the host where the moderator approves (it evicts its own caches at once; others hear by NOTIFY)
        var waiting = await Fixture.CreateOrganisationAsync("Grangemouth Peer Support", areas: ["Falkirk"], themes: [Theme.MentalHealth],
            status: OrganisationStatus.AwaitingModeration, description: "Peer support for people leaving prison.");
        await Fixture.CreateOrganisationAsync("Peer Support Falkirk", areas: ["Falkirk"], themes: [Theme.MentalHealth],
            description: "Peer support in prison visiting rooms.");
        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        using var moderator = Fixture.CreateClientAs(staff.Id);
        using var client = Fixture.CreateAccountsClient();
        var before = await client.GetDocumentAsync("/organisations?q=peer+support+prison&area=S12000014");

        // Act
        var page = await moderator.GetDocumentAsync($"/manage/organisations/{waiting.Id}");
        var review = await moderator.SubmitAsync(page, new Dictionary<string, string> { ["Decision"] = nameof(ModerationDecision.Approve), ["Reason"] = "" });
        var approved = await moderator.SubmitAsync(review, new Dictionary<string, string>(), "main form[action*='Confirm']");
        var after = await client.GetDocumentAsync("/organisations?q=peer+support+prison&area=S12000014");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(["Peer Support Falkirk"], Names(before));
        Assert.Equal(["Grangemouth Peer Support", "Peer Support Falkirk"], Names(after).Order(StringComparer.Ordinal));
    }

    private static List<string> Names(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("#results .ds_search-result__title").Select(e => e.TextContent.Trim())];
}

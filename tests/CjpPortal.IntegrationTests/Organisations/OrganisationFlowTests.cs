using System.Net;
using System.Text.RegularExpressions;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Organisations;
using CjpPortal.TestCommon;
using CjpPortal.Web.Api.OpenReferral;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Organisations;

/// <summary>A small charity adds itself, verifies its address by the e-mailed link, is moderated by a coordinator of
/// its area, and edits its listing through the e-mailed edit link. The links are followed from the outbox rows.</summary>
public sealed partial class OrganisationFlowTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Contact = "hello@forth-wellbeing.example.org";

    [Fact]
    public async Task Post_AddVerifyApprove_ListingIsVisible()
    {
        // Arrange
        var coordinator = await Fixture.CreateActiveCoordinatorAsync("falkirk");
        var anonymous = Fixture.CreateClient();

        // Act: add
        var added = await AddAsync(anonymous, "Forth Wellbeing Trust", ["Falkirk"]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await IdOfAsync("Forth Wellbeing Trust");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/organisations/{id}", UriKind.Relative))).StatusCode);

        // Act: verify through the link in the e-mail (GET changes nothing; the button does)
        var verifyLink = await LinkInMailAsync(Contact, "/verify?token=");
        var verifyPage = await anonymous.GetDocumentAsync(verifyLink);
        Assert.Equal(HttpStatusCode.OK, verifyPage.StatusCode);
        Assert.Equal(OrganisationStatus.PendingVerification, await StatusOfAsync(id));
        var verified = await anonymous.SubmitAsync(verifyPage, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(OrganisationStatus.AwaitingModeration, await StatusOfAsync(id));
        Assert.Contains(coordinator.Email, await RecipientsAsync(OrganisationModerationRequestEmail.Subject));
        // The verification link works once.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetDocumentAsync(verifyLink)).StatusCode);

        // Act: approve
        using var moderator = Fixture.CreateClientAs(coordinator.Id);
        var queue = await moderator.GetDocumentAsync("/manage/organisations");
        Assert.Contains("Forth Wellbeing Trust", queue.One("#awaiting").TextContent, StringComparison.Ordinal);
        var decided = await DecideAsync(moderator, id, ModerationDecision.Approve, reason: null);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        // Assert
        Assert.Equal(OrganisationStatus.Published, await StatusOfAsync(id));
        var listing = await anonymous.GetDocumentAsync($"/organisations/{id}");
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        Assert.Contains("Forth Wellbeing Trust", listing.One("h1").TextContent, StringComparison.Ordinal);
        Assert.Single(await RecipientsAsync("Forth Wellbeing Trust is now listed"));
        var search = await anonymous.GetDocumentAsync("/organisations?q=wellbeing");
        Assert.Single(search.Document.QuerySelectorAll($"[data-organisation-id='{id}']"));
        var partnership = await anonymous.GetDocumentAsync("/partnerships/falkirk");
        Assert.Contains("Forth Wellbeing Trust", partnership.One("#organisation-list").TextContent, StringComparison.Ordinal);
        var history = await moderator.GetDocumentAsync($"/manage/organisations/{id}");
        Assert.Contains("Published", history.One("#history").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AskForChangesThenEditThenApprove_ListingIsPublishedWithChanges()
    {
        // Arrange
        var coordinator = await Fixture.CreateUserAsync(Roles.Coordinator, "falkirk");
        var created = await Fixture.CreateOrganisationAsync("Carse Housing Advice", areas: ["Falkirk"], themes: [Theme.HousingAndHomelessness],
            status: OrganisationStatus.AwaitingModeration, contactEmail: Contact);
        using var moderator = Fixture.CreateClientAs(coordinator.Id);
        var anonymous = Fixture.CreateClient();

        // Act: ask for changes, with a reason
        var asked = await DecideAsync(moderator, created.Id, ModerationDecision.RequestChanges, "Please say who the service is for.");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(OrganisationStatus.ChangesRequested, await StatusOfAsync(created.Id));

        // Act: edit through the link in the e-mail
        var editLink = await LinkInMailAsync(Contact, "/edit?token=");
        var edit = await anonymous.GetDocumentAsync(editLink);
        Assert.Contains("Please say who the service is for.", edit.One("#moderation-reason").TextContent, StringComparison.Ordinal);
        var saved = await PostFormAsync(anonymous, edit, Fields(edit, "Carse Housing Advice", ["Falkirk"], ["housing-and-homelessness"],
            description: "Housing advice for people leaving prison in Falkirk."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(OrganisationStatus.AwaitingModeration, await StatusOfAsync(created.Id));

        // Act: approve
        var approved = await DecideAsync(moderator, created.Id, ModerationDecision.Approve, reason: null);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var listing = await anonymous.GetDocumentAsync($"/organisations/{created.Id}");
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        Assert.Contains("leaving prison", listing.One("#organisation-description").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OwnerEditChangingAreasAndThemes_HistoryShowsWhoAndOldAndNew()
    {
        // Arrange
        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        var created = await Fixture.CreateOrganisationAsync("Area Moving Trust", areas: ["Falkirk"], themes: [Theme.HousingAndHomelessness], contactEmail: Contact);
        var token = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OrganisationLinks>(Fixture.Factory.Services).EditToken(created);
        var anonymous = Fixture.CreateClient();
        var edit = await anonymous.GetDocumentAsync(OrganisationLinks.EditPath(created.Id, token));
        using var moderator = Fixture.CreateClientAs(staff.Id);

        // Act
        var saved = await PostFormAsync(anonymous, edit, Fields(edit, "Area Moving Trust", ["Falkirk", "Stirling"], ["mental-health"]));
        var page = await moderator.GetDocumentAsync($"/manage/organisations/{created.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rows = page.Document.QuerySelectorAll("#history tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()))).ToList();
        Assert.Contains($"{Contact} (the listing's contact) | Organisation listing | Council areas | Falkirk | Falkirk, Stirling", rows);
        Assert.Contains($"{Contact} (the listing's contact) | Organisation listing | Themes | Housing and homelessness | Mental health", rows);
    }

    [Fact]
    public async Task Post_OwnerEdit_SearchResultsAndOpenDataShowTheChangeOnTheNextRequest()
    {
        // Arrange: searched and fetched once, so the index of published listings is loaded before the edit
        var created = await Fixture.CreateOrganisationAsync("Kelpie Advice Trust", areas: ["Falkirk"], themes: [Theme.PovertyAndMoneyAdvice], contactEmail: Contact,
            services: [new TestService("Kelpie benefits clinic", "Benefits checks after release.")]);
        var serviceId = OpenReferralIds.For(OpenReferralKind.OrganisationService, Assert.Single(created.Services).Id);
        var anonymous = Fixture.CreateClient();
        Assert.Contains("Kelpie Advice Trust helps people", (await anonymous.GetDocumentAsync("/organisations?q=kelpie")).One("main").TextContent, StringComparison.Ordinal);
        var before = await anonymous.GetStringAsync(new Uri($"/api/openreferral/v3/services/{serviceId}", UriKind.Relative));
        Assert.DoesNotContain("Kelpie Money Trust", before, StringComparison.Ordinal);
        var token = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OrganisationLinks>(Fixture.Factory.Services).EditToken(created);
        var edit = await anonymous.GetDocumentAsync(OrganisationLinks.EditPath(created.Id, token));

        // Act
        var saved = await PostFormAsync(anonymous, edit, Fields(edit, "Kelpie Money Trust", ["Falkirk", "Stirling"], ["poverty-and-money-advice"],
            description: "Kelpie Money Trust checks benefits."));
        var search = await anonymous.GetDocumentAsync("/organisations?q=kelpie");
        var service = await anonymous.GetStringAsync(new Uri($"/api/openreferral/v3/services/{serviceId}", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var result = search.One($"[data-organisation-id='{created.Id}']").TextContent;
        Assert.Contains("Kelpie Money Trust", result, StringComparison.Ordinal);
        Assert.Contains("Kelpie Money Trust checks benefits.", result, StringComparison.Ordinal);
        Assert.Contains("Stirling", result, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Kelpie Money Trust\"", service, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OwnerEditChangingAServicesAreas_HistoryShowsWhoAndOldAndNew()
    {
        // Arrange: the listing works in both areas, its service only in Falkirk
        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        var created = await Fixture.CreateOrganisationAsync("Service Moving Trust", areas: ["Falkirk", "Stirling"], themes: [Theme.HousingAndHomelessness],
            contactEmail: Contact, services: [new TestService("Tenancy sustainment", "Help keeping a tenancy after release.", Areas: ["Falkirk"])]);
        var serviceId = Assert.Single(created.Services).Id;
        var token = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OrganisationLinks>(Fixture.Factory.Services).EditToken(created);
        var anonymous = Fixture.CreateClient();
        var edit = await anonymous.GetDocumentAsync(Web.Pages.Organisations.OwnerPages.ServicePath(created.Id, serviceId, token));
        using var moderator = Fixture.CreateClientAs(staff.Id);

        // Act: the owner moves the service from Falkirk to Stirling
        var saved = await PostFormAsync(anonymous, edit,
        [
            new("Name", "Tenancy sustainment"), new("Description", "Help keeping a tenancy after release."), new("Themes", "housing-and-homelessness"),
            new("AreaIds", await AreaIdAsync("Stirling")),
        ]);
        var page = await moderator.GetDocumentAsync($"/manage/organisations/{created.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["Stirling"], await Fixture.WithDbContextAsync(db =>
            db.OrganisationServiceAreas.Where(a => a.ServiceId == serviceId).Select(a => a.CouncilArea.Name).ToListAsync()));
        var rows = page.Document.QuerySelectorAll("#history tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()))).ToList();
        Assert.Contains($"{Contact} (the listing's contact) | Service | Council areas | Falkirk | Stirling", rows);
    }

    [Fact]
    public async Task Post_Reject_ListingIsNotShownAndOwnerIsTold()
    {
        // Arrange
        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        var created = await Fixture.CreateOrganisationAsync("Spammy Ltd", areas: ["Fife"], status: OrganisationStatus.AwaitingModeration, contactEmail: Contact);
        using var moderator = Fixture.CreateClientAs(staff.Id);

        // Act
        var rejected = await DecideAsync(moderator, created.Id, ModerationDecision.Reject, "Not a third-sector organisation.");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(OrganisationStatus.Rejected, await StatusOfAsync(created.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await Fixture.CreateClient().GetAsync(new Uri($"/organisations/{created.Id}", UriKind.Relative))).StatusCode);
        var body = await Fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.To == Contact).Select(e => e.TextBody).SingleAsync());
        Assert.Contains("Not a third-sector organisation.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RejectWithoutReason_Returns400AndNothingChanges()
    {
        // Arrange
        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        var created = await Fixture.CreateOrganisationAsync("No Reason Trust", areas: ["Fife"], status: OrganisationStatus.AwaitingModeration);
        using var moderator = Fixture.CreateClientAs(staff.Id);
        var page = await moderator.GetDocumentAsync($"/manage/organisations/{created.Id}");

        // Act
        var answer = await moderator.SubmitAsync(page, new Dictionary<string, string> { ["Decision"] = nameof(ModerationDecision.Reject), ["Reason"] = "" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        HtmlAssertions.AssertFieldError(answer.Document, "Reason", Web.Pages.Manage.Organisations.ShowModel.ReasonRequired);
        Assert.Equal(OrganisationStatus.AwaitingModeration, await StatusOfAsync(created.Id));
    }

    [Fact]
    public async Task Post_DecisionByCoordinatorOfAnotherArea_IsForbidden()
    {
        // Arrange
        var fife = await Fixture.CreateUserAsync(Roles.Coordinator, "fife");
        var created = await Fixture.CreateOrganisationAsync("Falkirk Only Trust", areas: ["Falkirk"], status: OrganisationStatus.AwaitingModeration);
        using var moderator = Fixture.CreateClientAs(fife.Id);
        var own = await Fixture.CreateOrganisationAsync("Fife Own Trust", areas: ["Fife"], status: OrganisationStatus.AwaitingModeration);
        var page = await moderator.GetDocumentAsync($"/manage/organisations/{own.Id}");

        // Act: the page itself, and a post of the Fife listing's form to the Falkirk listing's URL
        var get = await moderator.GetAsync(new Uri($"/manage/organisations/{created.Id}", UriKind.Relative));
        var token = page.Document.QuerySelector($"input[name='{Forms.AntiforgeryField}']")!.GetAttribute("value")!;
        var post = await moderator.PostFormAsync($"/manage/organisations/{created.Id}?handler=Confirm",
            [new(Forms.AntiforgeryField, token), new("Decision", nameof(ModerationDecision.Approve))]);
        var queue = await moderator.GetDocumentAsync("/manage/organisations");

        // Assert
        Assert.True(IsForbidden(get), $"GET: {(int)get.StatusCode} {get.Headers.Location}");
        Assert.True(IsForbidden(post.Response), $"POST: {(int)post.StatusCode} {post.Response.Headers.Location}");
        Assert.Equal(OrganisationStatus.AwaitingModeration, await StatusOfAsync(created.Id));
        Assert.DoesNotContain("Falkirk Only Trust", queue.Text, StringComparison.Ordinal);
        Assert.Contains("Fife Own Trust", queue.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_EditWithTokenOfAnotherListing_Returns404()
    {
        // Arrange
        var first = await Fixture.CreateOrganisationAsync("First Listing", areas: ["Fife"]);
        var second = await Fixture.CreateOrganisationAsync("Second Listing", areas: ["Fife"]);
        var token = await Fixture.WithDbContextAsync(async db =>
        {
            var links = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OrganisationLinks>(Fixture.Factory.Services);
            return links.EditToken(await db.Organisations.SingleAsync(o => o.Id == first.Id));
        });
        var client = Fixture.CreateClient();

        // Act
        var own = await client.GetAsync(new Uri(OrganisationLinks.EditPath(first.Id, token), UriKind.Relative));
        var other = await client.GetAsync(new Uri(OrganisationLinks.EditPath(second.Id, token), UriKind.Relative));
        var none = await client.GetAsync(new Uri($"/organisations/{first.Id}/edit", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task Post_EditLinkForm_SendsLinkOnlyToTheContactAndAddsAService()
    {
        // Arrange
        var created = await Fixture.CreateOrganisationAsync("Link Asking Trust", areas: ["Fife"], contactEmail: Contact);
        var client = Fixture.CreateClient();
        var page = await client.GetDocumentAsync($"/organisations/{created.Id}");

        // Act
        var wrong = await client.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = "someone@example.org" }, "main form[action*='EditLink']");
        var right = await client.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = Contact.ToUpperInvariant() }, "main form[action*='EditLink']");
        var link = await LinkInMailAsync(Contact, "/edit?token=");
        var servicePage = await client.GetDocumentAsync(link.Replace("/edit?", "/services?", StringComparison.Ordinal));
        var added = await PostFormAsync(client, servicePage,
        [
            new("Name", "Tenancy sustainment"), new("Description", "Help keeping a tenancy after release."), new("Themes", "housing-and-homelessness"),
            new("AreaIds", await AreaIdAsync("Fife")),
        ]);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal([Contact], await RecipientsAsync(OrganisationEditLinkEmail.Subject));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var listing = await client.GetDocumentAsync($"/organisations/{created.Id}");
        Assert.Contains("Tenancy sustainment", listing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Duplicates_Returns400WithTheExistingListingAndSavesNothing()
    {
        // Arrange
        var existing = await Fixture.CreateOrganisationAsync("Forth Wellbeing Trust", areas: ["Falkirk"], charityNumber: "SC045678");
        var client = Fixture.CreateClient();

        // Act
        var sameName = await AddAsync(client, "FORTH wellbeing trust", ["Falkirk", "Stirling"]);
        var sameNumber = await AddAsync(client, "Another Name", ["Fife"], charityNumber: "sc 045678");
        var otherArea = await AddAsync(client, "Forth Wellbeing Trust", ["Fife"]);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, sameName.StatusCode);
        Assert.Contains($"/organisations/{existing.Id}", sameName.One("#existing-listing").InnerHtml, StringComparison.Ordinal);
        HtmlAssertions.AssertFieldError(sameName.Document, "Name", "This organisation is already listed in one of these areas");
        Assert.Equal(HttpStatusCode.BadRequest, sameNumber.StatusCode);
        HtmlAssertions.AssertFieldError(sameNumber.Document, "CharityNumber", "This organisation is already listed with this charity number");
        Assert.Equal(HttpStatusCode.Redirect, otherArea.StatusCode);
        Assert.Equal(2, await Fixture.WithDbContextAsync(db => db.Organisations.CountAsync()));
    }

    [Theory]
    [InlineData("Name", "", "Enter the organisation's name")]
    [InlineData("CharityNumber", "SC12345", "Enter a Scottish charity number as SC followed by 6 digits, like SC012345")]
    [InlineData("CharityNumber", "NI012345", "Enter a Scottish charity number as SC followed by 6 digits, like SC012345")]
    [InlineData("Website", "ftp://example.org", "Enter the website as a full address starting with https:// or http://, like https://www.example.org")]
    [InlineData("Website", "www.example.org", "Enter the website as a full address starting with https:// or http://, like https://www.example.org")]
    [InlineData("ContactEmail", "not an email", "Enter an email address in the correct format, like name@example.org")]
    [InlineData("Themes", "", "Choose at least one thing the organisation does")]
    [InlineData("Themes", "astrology", "Choose themes from the list")]
    [InlineData("AreaIds", "", "Choose the council areas the organisation works in, or all of Scotland")]
    [InlineData("AreaIds", "999999", "Choose council areas from the list")]
    public async Task Post_BadInput_Returns400WithErrorAndSavesNothing(string field, string value, string message)
    {
        // Arrange
        var client = Fixture.CreateClient();
        var page = await client.GetDocumentAsync("/organisations/new");
        var fields = Fields(page, "Bad Input Trust", ["Fife"], ["mental-health"], contactEmail: Contact)
            .Where(f => f.Key != field).Append(new(field, value)).Where(f => !(f.Key == field && f.Value.Length == 0 && field is "Themes" or "AreaIds")).ToList();

        // Act
        var answer = await PostFormAsync(client, page, fields);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        HtmlAssertions.AssertErrorSummaryContains(answer.Document, message);
        HtmlAssertions.AssertFieldError(answer.Document, field, message);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.Organisations.CountAsync()));
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.EmailOutbox.CountAsync()));
    }

    [Fact]
    public async Task Post_HoneypotFilled_LooksSentAndSavesNothing()
    {
        // Arrange
        var client = Fixture.CreateClient();
        var page = await client.GetDocumentAsync("/organisations/new");

        // Act
        var answer = await PostFormAsync(client, page, [.. Fields(page, "Robot Trust", ["Fife"], ["other"], contactEmail: Contact), new("Fax", "01234 567890")]);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/organisations/new/check-your-email", answer.Response.Headers.Location?.OriginalString);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task Post_FourthListingFromOneAddressInADay_Returns400AndSavesNothing()
    {
        // Arrange
        var client = Fixture.CreateClient();
        foreach (var name in new[] { "Branch One", "Branch Two", "Branch Three" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(client, name, ["Fife"])).StatusCode);
        }

        // Act
        var fourth = await AddAsync(client, "Branch Four", ["Fife"]);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, fourth.StatusCode);
        HtmlAssertions.AssertFieldError(fourth.Document, "ContactEmail", Web.Pages.Organisations.NewModel.RateLimitMessage);
        Assert.Equal(3, await Fixture.WithDbContextAsync(db => db.Organisations.CountAsync()));
    }

    private static async Task<HtmlPage> AddAsync(HttpClient client, string name, string[] areas, string? charityNumber = null)
    {
        var page = await client.GetDocumentAsync("/organisations/new");
        var fields = Fields(page, name, areas, ["mental-health"], contactEmail: Contact);
        if (charityNumber is not null)
        {
            fields.Add(new("CharityNumber", charityNumber));
        }

        return await PostFormAsync(client, page, fields);
    }

    private static List<KeyValuePair<string, string>> Fields(HtmlPage page, string name, string[] areas, string[] themes, string? contactEmail = null, string? description = null)
    {
        var areaIds = areas.Select(area => page.Document.QuerySelectorAll("input[name='AreaIds']")
            .Single(input => page.Document.QuerySelector($"label[for='{input.Id}']")!.TextContent.Trim() == area).GetAttribute("value")!);
        var fields = new List<KeyValuePair<string, string>> { new("Name", name), new("Description", description ?? $"{name} supports people.") };
        if (contactEmail is not null)
        {
            fields.Add(new("ContactEmail", contactEmail));
        }

        fields.AddRange(themes.Select(t => KeyValuePair.Create("Themes", t)));
        fields.AddRange(areaIds.Select(a => KeyValuePair.Create("AreaIds", a)));
        return fields;
    }

    /// <summary>Posts the page's main form with its hidden fields and <paramref name="fields"/> (repeated names allowed).</summary>
    private static Task<HtmlPage> PostFormAsync(HttpClient client, HtmlPage page, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = page.Document.QuerySelector("main form")!;
        var given = fields.ToList();
        var hidden = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => KeyValuePair.Create(i.GetAttribute("name") ?? string.Empty, i.GetAttribute("value") ?? string.Empty))
            .Where(h => h.Key.Length > 0 && given.All(g => g.Key != h.Key));
        var action = form.GetAttribute("action");
        return client.PostFormAsync(string.IsNullOrEmpty(action) ? new Uri(page.Document.Url).PathAndQuery : action, [.. hidden, .. given]);
    }

    private static async Task<HtmlPage> DecideAsync(HttpClient moderator, int id, ModerationDecision decision, string? reason)
    {
        var page = await moderator.GetDocumentAsync($"/manage/organisations/{id}");
        var review = await moderator.SubmitAsync(page, new Dictionary<string, string> { ["Decision"] = decision.ToString(), ["Reason"] = reason ?? "" });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.NotNull(review.Document.QuerySelector("#confirmation"));
        return await moderator.SubmitAsync(review, new Dictionary<string, string>(), "main form[action*='Confirm']");
    }

    private static bool IsForbidden(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/status/403", StringComparison.Ordinal) == true);

    private Task<int> IdOfAsync(string name) => Fixture.WithDbContextAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private Task<OrganisationStatus> StatusOfAsync(int id) => Fixture.WithDbContextAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Status).SingleAsync());

    private Task<string> AreaIdAsync(string name) => Fixture.WithDbContextAsync(async db =>
        (await db.CouncilAreas.Where(a => a.Name == name).Select(a => a.Id).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private Task<List<string>> RecipientsAsync(string subject) =>
        Fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.Subject == subject).Select(e => e.To).OrderBy(t => t).ToListAsync());

    /// <summary>The site-relative path of the newest link containing <paramref name="marker"/> in mail to <paramref name="to"/>.</summary>
    private async Task<string> LinkInMailAsync(string to, string marker)
    {
        var bodies = await Fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.To == to).OrderByDescending(e => e.Id).Select(e => e.TextBody).ToListAsync());
        var link = bodies.SelectMany(b => LinkPattern().Matches(b).Select(m => m.Value)).First(l => l.Contains(marker, StringComparison.Ordinal));
        return new Uri(link).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}

using System.Diagnostics;
using System.Net;
using CjpPortal.Core;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Organisations;
using CjpPortal.IntegrationTests.Manage;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>Several instances against one database behave like one, and the container is checked at start-up.</summary>
public sealed class InstancesTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Post_EditThroughOneInstance_IsShownByAnotherInstanceWithinTwoSeconds()
    {
        // Arrange: a second instance on the same database, its public page already cached
        await using var other = new PortalFactory(Fixture.Database.ConnectionString, Fixture.Clock);
        using var otherClient = other.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = await otherClient.GetStringAsync(new Uri("/partnerships/falkirk", UriKind.Relative));
        var website = $"https://example.org/{Guid.NewGuid():N}";
        using var coordinator = await ManageUsers.CoordinatorAsync(Fixture);
        var form = await coordinator.GetDocumentAsync("/manage/partnerships/falkirk/details");

        // Act: the edit goes through the Fixture's instance
        var saved = await coordinator.SubmitAsync(form, EditForms.Filled(form, ("Website", website)));
        var after = await WithinTwoSecondsAsync(
            () => otherClient.GetStringAsync(new Uri("/partnerships/falkirk", UriKind.Relative)), page => page.Contains(website, StringComparison.Ordinal));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain(website, before, StringComparison.Ordinal);
        Assert.Contains(website, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ListingApprovedThroughOneInstance_IsFoundByAnotherInstancesSearchWithinTwoSeconds()
    {
        // Arrange: a listing awaiting moderation, and a second instance on the same database whose listing index
        // (ListingIndex: the search's counts, order and pages) is already loaded by a search
        const string name = "Grangemouth Quayside Mentors";
        const string search = "/organisations?q=quayside+mentors";
        var coordinator = await Fixture.CreateUserAsync(Roles.Coordinator, "falkirk");
        var created = await Fixture.CreateOrganisationAsync(name, areas: ["Falkirk"], themes: [Theme.Families], status: OrganisationStatus.AwaitingModeration);
        await using var other = new PortalFactory(Fixture.Database.ConnectionString, Fixture.Clock);
        using var otherClient = other.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = await otherClient.GetStringAsync(new Uri(search, UriKind.Relative));
        using var moderator = Fixture.CreateClientAs(coordinator.Id);

        // Act: approved through the Fixture's instance
        var page = await moderator.GetDocumentAsync($"/manage/organisations/{created.Id}");
        var review = await moderator.SubmitAsync(page, new Dictionary<string, string> { ["Decision"] = nameof(ModerationDecision.Approve), ["Reason"] = "" });
        var approved = await moderator.SubmitAsync(review, new Dictionary<string, string>(), "main form[action*='Confirm']");
        var after = await WithinTwoSecondsAsync(
            () => otherClient.GetStringAsync(new Uri(search, UriKind.Relative)), page => page.Contains(name, StringComparison.Ordinal));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.DoesNotContain(name, before, StringComparison.Ordinal);
        Assert.Contains(name, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FormAndCookiesFromOneInstance_AreAcceptedByAnother()
    {
        // Arrange: a second instance on the same database, standing for one on another machine. It is given a key
        // folder of its own, the disk such an instance would have had when keys lived in files
        // (Portal:DataProtectionKeysPath, no longer read); from the shared folder in the user profile it would
        // otherwise borrow the Fixture's keys. One browser (one cookie jar) goes back and forth between the two.
        const string password = "marmalade harbour bicycle";
        var email = $"instances-{Guid.NewGuid():N}@example.org";
        var key = await Fixture.CreateEnrolledUserAsync(email, password, Roles.Coordinator, "falkirk");
        var ownDisk = System.IO.Directory.CreateTempSubdirectory("cjp-keys-");
        await using var other = new PortalFactory(Fixture.Database.ConnectionString, Fixture.Clock);
        await using var otherHost = other.WithWebHostBuilder(builder => builder.UseSetting("Portal:DataProtectionKeysPath", ownDisk.FullName));
        var cookies = new CookieContainer();
        using var onA = Fixture.AccountsFactory().CreateDefaultClient(new CookieContainerHandler(cookies));
        using var onB = otherHost.CreateDefaultClient(new CookieContainerHandler(cookies));

        try
        {
            // Act: the sign-in form (antiforgery token and cookie) comes from A and is posted to B; B's two-factor
            // cookie goes back to A, which signs in; A's sign-in cookie opens a page on B.
            var form = await onA.GetDocumentAsync("/account/sign-in");
            var afterPassword = await onB.SubmitAsync(form, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
            var codeForm = await onA.GetDocumentAsync(afterPassword.Response.Headers.Location?.OriginalString ?? "/account/sign-in/two-factor");
            var signedIn = await onA.SubmitAsync(codeForm, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
            var dashboard = await onB.GetDocumentAsync("/manage");

            // Assert
            Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
            Assert.StartsWith("/account/sign-in/two-factor", afterPassword.Response.Headers.Location?.OriginalString, StringComparison.Ordinal);
            Assert.Equal("/manage", signedIn.Response.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Contains("Falkirk", dashboard.One("#partnerships").TextOf(), StringComparison.Ordinal);
            Assert.Empty(ownDisk.EnumerateFiles());
        }
        finally
        {
            ownDisk.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Post_SecurityStampChangedThroughOneInstance_CopiedCookieIsRefusedByAnotherWithinTwoSeconds()
    {
        // Arrange: a session used on a second instance, which now keeps the account's security stamp in memory
        const string password = "lighthouse walrus pebble";
        var email = $"instances-{Guid.NewGuid():N}@example.org";
        var key = await Fixture.CreateEnrolledUserAsync(email, password, Roles.Coordinator, "falkirk");
        using var onA = Fixture.CreateAccountsClient();
        var copied = (await onA.SignInAsync(email, password, key)).SignInCookie();
        await using var other = new PortalFactory(Fixture.Database.ConnectionString, Fixture.Clock);
        using var onB = other.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var before = await GetWithCookieAsync(onB, "/manage", copied);
        var stillBefore = await GetWithCookieAsync(onB, "/manage", copied);

        // Act: what a sign-out, a password change or an authenticator reset does, through the Fixture's instance
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!);
        }

        var after = await WithinTwoSecondsAsync(() => GetWithCookieAsync(onB, "/manage", copied), r => r.StatusCode == HttpStatusCode.Redirect);

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SecurityStampChangedOutsideThePortal_CopiedCookieIsRefusedWithinTwoSeconds()
    {
        // Arrange: a session whose stamp this instance keeps in memory
        const string password = "lighthouse walrus pebble";
        var email = $"instances-{Guid.NewGuid():N}@example.org";
        var key = await Fixture.CreateEnrolledUserAsync(email, password, Roles.Coordinator, "falkirk");
        using var client = Fixture.CreateAccountsClient();
        var copied = (await client.SignInAsync(email, password, key)).SignInCookie();
        var before = await Fixture.GetWithCookieAsync("/manage", copied);

        // Act: an operator's SQL, which no code of the portal sees: only the database's trigger tells the instance
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE users SET security_stamp = {Guid.NewGuid().ToString("N")} WHERE normalized_email = {email.ToUpperInvariant()}");
        }

        var after = await WithinTwoSecondsAsync(() => Fixture.GetWithCookieAsync("/manage", copied), r => r.StatusCode == HttpStatusCode.Redirect);

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    /// <summary>Asks again every 50 ms until <paramref name="done"/> holds or 2 s have passed; returns the last answer.</summary>
    private static async Task<T> WithinTwoSecondsAsync<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        var waited = Stopwatch.StartNew();
        T answer;
        do
        {
            answer = await ask();
            if (done(answer))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(2));
        return answer;
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [Fact]
    public void Get_ScopedServiceFromTheRootContainer_IsRefused()
    {
        // Act and Assert: scope validation is on in the test host as in every other
        var error = Assert.Throws<InvalidOperationException>(() => Fixture.Factory.Services.GetRequiredService<AppDbContext>());
        Assert.Contains("scoped", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}

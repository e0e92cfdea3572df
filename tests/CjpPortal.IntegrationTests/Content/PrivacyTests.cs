using System.Net;
using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests.Content;

/// <summary>The privacy notice says what the forms collect: contacts (name, job title, email, phone), engagement-route
/// contacts (name, email), accounts (email, no name), and every cookie the portal sets.</summary>
public sealed class PrivacyTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Get_Privacy_DoesNotPromiseDetailsNoFormAsksFor()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync("/privacy");

        // Assert: no form asks for a contact's organisation, or an account holder's name.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("the organisation they work for", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("we hold a name", page.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_Privacy_ListsWhatEachFormCollects()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync("/privacy");

        // Assert
        var contact = page.One("#contact-details").TextOf();
        Assert.All(["name", "job title", "work email address", "work phone number"], item => Assert.Contains(item, contact, StringComparison.Ordinal));
        var route = page.One("#route-contacts").TextOf();
        Assert.All(["name", "email address"], item => Assert.Contains(item, route, StringComparison.Ordinal));
        var account = page.One("#account-details").TextOf();
        Assert.All(["work email address", "partnerships", "password", "authenticator", "recovery codes"], item => Assert.Contains(item, account, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Privacy_ListsEveryCookieThePortalSets()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync("/privacy");

        // Assert
        var names = page.Document.QuerySelectorAll("#cookies tbody tr td:first-child").Select(td => td.TextOf()).ToList();
        Assert.Equal(["cjp-antiforgery", "cjp-auth", "Identity.TwoFactorUserId", ".AspNetCore.Mvc.CookieTempDataProvider"], names);
    }
}

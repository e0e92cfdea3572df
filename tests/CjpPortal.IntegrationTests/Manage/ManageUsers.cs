using CjpPortal.Core.Configurations;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>Signed-in clients for the editing pages: each a new account. <see cref="SignInAsync"/> signs it in with the
/// test scheme (no password or authenticator pages); <see cref="SignInThroughPagesAsync"/> through the real pages with
/// a computed code, for tests about the sign-in cookie itself.</summary>
public static class ManageUsers
{
    public const string Partnership = "falkirk";
    public const string OtherPartnership = "orkney";
    private const string Password = "heather lighthouse kettle";

    /// <summary>A client signed in as a new user with <paramref name="role"/> (anonymous when null).</summary>
    public static async Task<HttpClient> SignInAsync(PortalFixture fixture, string? role, params string[] partnerships)
    {
        if (role is null)
        {
            return fixture.CreateAccountsClient();
        }

        var user = await fixture.CreateUserAsync(role, partnerships);
        return fixture.CreateClientAs(user.Id);
    }

    /// <summary>A client signed in through the real sign-in and authenticator pages, holding the real cookie.</summary>
    public static async Task<HttpClient> SignInThroughPagesAsync(PortalFixture fixture, string? role, params string[] partnerships)
    {
        var email = $"manage-{Guid.NewGuid():N}@example.org";
        var client = fixture.CreateAccountsClient();
        if (role is null)
        {
            return client;
        }

        var key = await fixture.CreateEnrolledUserAsync(email, Password, role, partnerships);
        await client.SignInAsync(email, Password, key);
        return client;
    }

    public static Task<HttpClient> CoordinatorAsync(PortalFixture fixture, string slug = Partnership) =>
        SignInAsync(fixture, Roles.Coordinator, slug);

    /// <summary>The partnership's current row version, as an edit form would carry it.</summary>
    public static Task<uint> VersionAsync(PortalFixture fixture, string slug = Partnership) =>
        fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == slug)
            .Select(p => EF.Property<uint>(p, ConcurrencyToken.PropertyName)).SingleAsync());
}

/// <summary>Filling in an editing form as a person would: what the form already shows, with some fields changed.</summary>
public static class EditForms
{
    public static Dictionary<string, string> Filled(HtmlPage page, params (string Name, string Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(changes);
        var form = page.Document.QuerySelector("main form") ?? throw new InvalidOperationException("No form on the page.");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.QuerySelectorAll("input:not([type=hidden]):not([type=checkbox]):not([type=radio]), input[type=checkbox]:checked, input[type=radio]:checked"))
        {
            values.TryAdd(field.GetAttribute("name") ?? string.Empty, field.GetAttribute("value") ?? string.Empty);
        }

        foreach (var area in form.QuerySelectorAll("textarea"))
        {
            values.TryAdd(area.GetAttribute("name") ?? string.Empty, area.TextContent);
        }

        foreach (var select in form.QuerySelectorAll("select"))
        {
            var selected = select.QuerySelector("option[selected]") ?? select.QuerySelector("option");
            values.TryAdd(select.GetAttribute("name") ?? string.Empty, selected?.GetAttribute("value") ?? string.Empty);
        }

        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        values.Remove(string.Empty);
        return values;
    }
}

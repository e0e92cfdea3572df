using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using CjpPortal.Web;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Account;

/// <summary>The first administrator (create-admin) and the demo accounts.</summary>
[Collection(PortalCollection.Name)]
public sealed class CommandTests(PortalFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The demo accounts include a coordinator of two partnerships; other classes count assignments.</summary>
    public Task DisposeAsync() => fixture.ResetDataAsync();

    [Fact]
    public async Task Post_CreateAdminCommandLink_SetsTheAdministratorsPassword()
    {
        // Arrange
        var email = InvitationTests.NewEmail();
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Act
        var exitCode = await CreateAdminCommand.RunAsync(fixture.Factory.Services, ["--email", email], output, error);
        var link = output.ToString().Split('\n', StringSplitOptions.TrimEntries).Single(line => line.Contains("/account/invitation/", StringComparison.Ordinal));
        using var client = fixture.CreateAccountsClient();
        var invitation = await client.GetDocumentAsync(new Uri(link).PathAndQuery);
        var accepted = await client.SubmitAsync(invitation, InvitationTests.Fields(("Password", "tangerine umbrella quarry"), ("ConfirmPassword", "tangerine umbrella quarry")));

        // Assert
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(HttpStatusCode.OK, invitation.StatusCode);
        Assert.Equal("/account/authenticator", accepted.Response.Headers.Location?.OriginalString);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, Roles.Administrator));
    }

    [Theory]
    [InlineData]
    [InlineData("--email")]
    [InlineData("--email", "not-an-address")]
    [InlineData("--email", "real%40falkirk.gov.uk?cc=attacker@evil.example")]
    [InlineData("--email", "\"<script>x</script>\"@example.org")]
    public async Task Post_CreateAdminCommandWithoutValidEmail_PrintsUsage(params string[] args)
    {
        // Arrange
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Act
        var exitCode = await CreateAdminCommand.RunAsync(fixture.Factory.Services, args, output, error);

        // Assert
        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: create-admin --email", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task Post_CreateAdminCommandWithMixedCaseEmail_StoresTheAddressInLowerCase()
    {
        // Arrange
        var email = InvitationTests.NewEmail();
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Act
        var exitCode = await CreateAdminCommand.RunAsync(fixture.Factory.Services, ["--email", email.ToUpperInvariant()], output, error);

        // Assert
        Assert.Equal(0, exitCode);
        var normalised = email.ToUpperInvariant();
        Assert.Equal(email, await fixture.WithDbContextAsync(db => db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Email).SingleAsync()));
    }

    [Fact]
    public async Task Post_MigrateCommandInProductionWithDemoMode_CreatesTheDemoAccounts()
    {
        // Arrange: no accounts at all, as on a new installation
        await fixture.ResetDataAsync();

        // Act
        var exitCode = await PortalHost.RunAsync(["migrate", "--environment=Production", "--Portal:DemoMode=true",
            $"--ConnectionStrings:Default={fixture.Database.ConnectionString}", "--Serilog:MinimumLevel=Error"]);

        // Assert
        Assert.Equal(0, exitCode);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var demo in DemoAccounts.All)
        {
            var user = await users.FindByEmailAsync(demo.Email);
            Assert.True(user is not null, $"{demo.Email} was not created.");
            Assert.True(await users.IsInRoleAsync(user, demo.Role), $"{demo.Email} is not in {demo.Role}.");
            Assert.True(await users.CheckPasswordAsync(user, demo.Password), $"{demo.Email} does not have the printed password.");
            Assert.True(user.TwoFactorEnabled);
        }

        var coordinator = await users.FindByEmailAsync(DemoAccounts.All.Single(a => a.Role == Roles.Coordinator).Email);
        Assert.Equal(["ayrshire", "falkirk"], await fixture.WithDbContextAsync(db => db.PartnershipCoordinators
            .Where(pc => pc.UserId == coordinator!.Id).Select(pc => pc.Partnership!.Slug).OrderBy(s => s).ToListAsync()));
    }

    [Fact]
    public async Task Post_DemoCoordinatorSignsInWithPrintedCredentials_SeesTheirPartnerships()
    {
        // Arrange
        await DemoAccounts.EnsureAsync(fixture.Factory.Services);
        var demo = DemoAccounts.All.Single(a => a.Role == Roles.Coordinator);
        string key;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(demo.Email))!))!;
        }

        using var client = fixture.CreateAccountsClient();

        // Act
        var signedIn = await client.SignInAsync(demo.Email, demo.Password, key);
        var dashboard = await client.GetDocumentAsync("/manage");

        // Assert
        Assert.Equal("/manage", signedIn.Response.Headers.Location?.OriginalString);
        Assert.Contains("Falkirk", dashboard.One("#partnerships").TextOf(), StringComparison.Ordinal);
        Assert.Contains("Ayrshire", dashboard.One("#partnerships").TextOf(), StringComparison.Ordinal);
    }
}

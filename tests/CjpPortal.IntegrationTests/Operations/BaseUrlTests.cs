using System.Net;
using CjpPortal.TestCommon;
using CjpPortal.Web;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Account.InvitationTests;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>In production the portal must know its own address (Portal:BaseUrl) before it sends anyone a link: it does
/// not start without one, and links never follow the request's Host header.</summary>
[Collection(PortalCollection.Name)]
public sealed class BaseUrlTests(PortalFixture fixture)
{
    private const string Password = "copper lantern meadow thistle";

    [Theory]
    [InlineData("Production", null)]
    [InlineData("Staging", null)]
    [InlineData("Production", "cjp.example.org")]
    [InlineData("Production", "ftp://cjp.example.org")]
    [InlineData("Production", "/relative/path")]
    public void Get_OutsideDevelopmentWithoutValidBaseUrl_PortalDoesNotStart(string environment, string? baseUrl)
    {
        // Arrange
        using var portal = Portal(environment, baseUrl);

        // Act
        var failure = Record.Exception(() => portal.CreateClient());

        // Assert
        Assert.NotNull(failure);
        Assert.Contains("Portal:BaseUrl", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ProductionWithBaseUrl_PortalStarts()
    {
        // Arrange
        using var portal = Portal("Production", "https://cjp.example.org");
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Act
        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_ForgotPasswordInProductionWithForgedHost_LinkStartsWithTheConfiguredAddress()
    {
        // Arrange
        var email = NewEmail();
        await fixture.CreateEnrolledUserAsync(email, Password);
        using var portal = Portal("Production", "https://cjp.example.org/");
        // HTTPS, as in production: there every cookie is Secure, and the client would not send them back over HTTP.
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Host = "attacker.example.net";
        var forgot = await client.GetDocumentAsync("/account/forgot-password");

        // Act
        var requested = await client.SubmitAsync(forgot, Fields(("Email", email)));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var body = await fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.To == email).Select(e => e.TextBody).SingleAsync());
        var link = body.Split(['\n', ' '], StringSplitOptions.TrimEntries).Single(word => word.Contains("/account/reset-password/", StringComparison.Ordinal));
        Assert.StartsWith("https://cjp.example.org/account/reset-password/", link, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CreateAdminInProductionWithoutBaseUrl_ExplainsTheSettingAndInvitesNobody()
    {
        // Arrange: the command builds the host without starting it, so it checks the address itself.
        var email = NewEmail();
        await using var host = BuildWithoutStarting("Production", baseUrl: null);
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Act
        var exitCode = await CreateAdminCommand.RunAsync(host.Services, ["--email", email], output, error);

        // Assert
        Assert.Equal(2, exitCode);
        Assert.Contains("Portal:BaseUrl", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Post_CreateAdminInProductionWithBaseUrl_PrintsLinkOnThatAddress()
    {
        // Arrange
        var email = NewEmail();
        await using var host = BuildWithoutStarting("Production", "https://cjp.example.org");
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Act
        var exitCode = await CreateAdminCommand.RunAsync(host.Services, ["--email", email], output, error);

        // Assert
        Assert.Equal(0, exitCode);
        Assert.Contains("https://cjp.example.org/account/invitation/", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MigrateCommandInProductionWithoutBaseUrl_StillWorks()
    {
        // Act: the database is already up to date, so this applies nothing and re-checks the reference data.
        var exitCode = await PortalHost.RunAsync(["migrate", "--environment=Production",
            $"--ConnectionStrings:Default={fixture.Database.ConnectionString}", "--Serilog:MinimumLevel=Warning"]);

        // Assert
        Assert.Equal(0, exitCode);
    }

    /// <summary>The host as the commands get it (PortalHost.RunAsync): built, not started.</summary>
    private WebApplication BuildWithoutStarting(string environment, string? baseUrl)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["ConnectionStrings:Default"] = fixture.Database.ConnectionString;
        builder.Configuration["Serilog:MinimumLevel"] = "Warning";
        if (baseUrl is not null)
        {
            builder.Configuration[PortalLinks.BaseUrlKey] = baseUrl;
        }

        PortalHost.ConfigureServices(builder);
        return builder.Build();
    }

    private WebApplicationFactory<PortalOptions> Portal(string environment, string? baseUrl) =>
        fixture.AccountsFactory().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            if (baseUrl is not null)
            {
                builder.UseSetting(PortalLinks.BaseUrlKey, baseUrl);
            }
        });
}

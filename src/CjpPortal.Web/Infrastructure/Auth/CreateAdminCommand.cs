using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary><c>dotnet CjpPortal.Web.dll create-admin --email someone@example.org</c>: the first administrator on a new
/// installation. Creates the account (or renews its invitation) and prints a one-time invitation link; run
/// <c>migrate</c> first.</summary>
public static class CreateAdminCommand
{
    /// <summary>Configuration key for the address people reach the portal at, used in links printed or e-mailed
    /// outside a request.</summary>
    public const string BaseUrlKey = PortalLinks.BaseUrlKey;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var email = EmailAddress.Normalise(EmailArgument(args));
        if (email is null || !EmailAddress.IsValid(email))
        {
            await error.WriteLineAsync("Usage: create-admin --email <address>");
            return 2;
        }

        // The command runs without starting the web server, so the start-up check on the address has not run; the
        // setting is read directly, as the options would throw their own validation message.
        var baseUrl = PortalLinks.Parse(services.GetRequiredService<IConfiguration>()[BaseUrlKey]);
        if (baseUrl is null)
        {
            if (PortalLinks.BaseUrlRequired(services.GetRequiredService<IHostEnvironment>()))
            {
                await error.WriteLineAsync(PortalLinks.MissingBaseUrlMessage);
                return 2;
            }

            baseUrl = new Uri("http://localhost:5080/");
        }

        await using var scope = services.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        var link = await invitations.InviteAsync(email, Roles.Administrator, baseUrl);
        await output.WriteLineAsync($"Administrator {email} invited. This link sets their password; it works once and expires in 7 days:");
        await output.WriteLineAsync(link);
        return 0;
    }

    private static string? EmailArgument(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--email" && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--email=", StringComparison.Ordinal))
            {
                return args[i]["--email=".Length..];
            }
        }

        return null;
    }
}

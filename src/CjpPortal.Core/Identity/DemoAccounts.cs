using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CjpPortal.Core.Identity;

/// <summary>Demo mode only: one fictional account per role, already enrolled in two-factor authentication, whose
/// password and authenticator key are written to the log at start-up so anyone trying the demo can sign in.</summary>
public static class DemoAccounts
{
    public sealed record Account(string Email, string Role, string Password, string[] PartnershipSlugs);

    public static IReadOnlyList<Account> All { get; } =
    [
        new("coordinator@example.org", Roles.Coordinator, "demo coordinator falkirk and ayrshire", ["falkirk", "ayrshire"]),
        new("cjs.staff@example.org", Roles.CjsStaff, "demo national staff account", []),
        new("admin@example.org", Roles.Administrator, "demo administrator account", []),
    ];

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AppDbContext>();
        var users = provider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = provider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoAccounts));

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
            }
        }

        foreach (var account in All)
        {
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new ApplicationUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, LockoutEnabled = true };
                Check(await users.CreateAsync(user, account.Password));
                Check(await users.AddToRoleAsync(user, account.Role));
                Check(await users.ResetAuthenticatorKeyAsync(user));
                Check(await users.SetTwoFactorEnabledAsync(user, true));
                var partnershipIds = await db.Partnerships.Where(p => account.PartnershipSlugs.Contains(p.Slug)).Select(p => p.Id).ToListAsync(cancellationToken);
                db.PartnershipCoordinators.AddRange(partnershipIds.Select(id => new PartnershipCoordinator { UserId = user.Id, PartnershipId = id }));
                await db.SaveChangesAsync(cancellationToken);
            }

            var key = await users.GetAuthenticatorKeyAsync(user);
            logger.LogWarning(
                "Demo account {Email} ({Role}): password \"{Password}\", authenticator key {Key}",
                account.Email, account.Role, account.Password, key);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

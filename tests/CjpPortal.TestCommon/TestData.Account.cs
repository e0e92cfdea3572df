using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.TestCommon;

/// <summary>An account with a password and an authenticator app, made by <see cref="TestData.CreateEnrolledAccountAsync"/>.</summary>
public sealed record EnrolledAccount(Guid Id, string Email, string Password, string AuthenticatorKey);

public static partial class TestData
{
    /// <summary>The password every <see cref="CreateEnrolledAccountAsync"/> account has.</summary>
    public const string EnrolledPassword = "willow harbour teapot comet";

    /// <summary>An account that can sign in through the real pages (password, then a code computed with
    /// <see cref="Totp"/>), with <paramref name="role"/> and assigned to <paramref name="partnershipSlugs"/>.</summary>
    public static async Task<EnrolledAccount> CreateEnrolledAccountAsync(this PortalFixture fixture, string? role = Roles.Coordinator, params string[] partnershipSlugs)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var email = $"account-{Guid.NewGuid():N}@example.org";
        var key = await fixture.CreateEnrolledUserAsync(email, EnrolledPassword, role, partnershipSlugs);
        var id = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return new EnrolledAccount(id, email, EnrolledPassword, key);
    }

    /// <summary>Gives the account a new set of recovery codes, as enrolment does, and returns them.</summary>
    public static async Task<IReadOnlyList<string>> CreateRecoveryCodesAsync(this PortalFixture fixture, Guid userId, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"No user {userId}.");
        return [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, count) ?? []];
    }

    /// <summary>How many unused recovery codes the account has.</summary>
    public static async Task<int> CountRecoveryCodesAsync(this PortalFixture fixture, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"No user {userId}.");
        return await users.CountRecoveryCodesAsync(user);
    }

    /// <summary>Signs in through the real pages with the password and then <paramref name="recoveryCode"/> instead of an
    /// authenticator code; returns the answer to the code.</summary>
    public static async Task<HtmlPage> SignInWithRecoveryCodeAsync(this HttpClient client, string email, string password, string recoveryCode)
    {
        ArgumentNullException.ThrowIfNull(client);
        var afterPassword = await client.SignInAsync(email, password, authenticatorKey: null);
        var next = afterPassword.Response.Headers.Location?.OriginalString
            ?? throw new InvalidOperationException($"The password was refused for {email}.");
        var codeForm = await client.GetDocumentAsync(next);
        return await client.SubmitAsync(codeForm, new Dictionary<string, string> { ["Code"] = recoveryCode });
    }
}

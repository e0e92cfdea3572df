using System.Globalization;
using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary>Identity's authenticator check, except that each code works once: the time step of the last accepted code
/// is stored per user (in AspNetUserTokens), and a code from that step or an earlier one is refused. Without this, a
/// code seen over someone's shoulder or captured by a phishing page stays usable for up to two minutes.</summary>
public sealed class OneTimeAuthenticatorTokenProvider : AuthenticatorTokenProvider<ApplicationUser>
{
    /// <summary>The name the provider is registered under (IdentityOptions.Tokens.AuthenticatorTokenProvider).</summary>
    public const string ProviderName = "CjpAuthenticator";

    /// <summary>Where the last accepted step is kept: AspNetUserTokens' login provider and name.</summary>
    public const string TokenLoginProvider = AuthenticatorSteps.TokenLoginProvider;
    public const string LastStepTokenName = AuthenticatorSteps.LastStepTokenName;

    /// <summary>Steps either side of now that are accepted, allowing for a phone's clock being a little out, as
    /// Identity's own provider does (90 seconds each way).</summary>
    private const int AllowedDrift = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var keyBytes = key is null ? null : AuthenticatorCode.FromBase32(key);
        if (keyBytes is null || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var stored = await manager.GetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepTokenName);
        var lastAccepted = long.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : long.MinValue;

        // Authenticator apps follow the wall clock, so this does too (as Identity's provider does), not the injected
        // TimeProvider that tests move to a fixed date for the reporting-year rules.
        var now = AuthenticatorCode.StepAt(TimeProvider.System.GetUtcNow());
        for (var step = now - AllowedDrift; step <= now + AllowedDrift; step++)
        {
            if (step > lastAccepted && AuthenticatorCode.SameCode(AuthenticatorCode.Compute(keyBytes, step), token))
            {
                // Saving updates the user row with its concurrency stamp, so of two requests racing with the same
                // code only one is accepted.
                var saved = await manager.SetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepTokenName,
                    step.ToString(CultureInfo.InvariantCulture));
                return saved.Succeeded;
            }
        }

        return false;
    }
}

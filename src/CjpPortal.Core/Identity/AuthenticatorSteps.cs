namespace CjpPortal.Core.Identity;

/// <summary>Where the time step of the last accepted authenticator code is kept (AspNetUserTokens' login provider and
/// name), so each code works once. Resetting the authenticator app forgets it: it says nothing about the new app, and
/// would refuse the new app's first code for up to a minute after the last sign-in.</summary>
public static class AuthenticatorSteps
{
    public const string TokenLoginProvider = "[CjpPortal]";
    public const string LastStepTokenName = "LastTotpStep";
}

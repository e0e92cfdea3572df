namespace CjpPortal.Core.Email.Messages;

/// <summary>A password reset link, sent only to an address that has an account with a password.</summary>
public sealed class PasswordResetEmail(string to, Uri link)
{
    public const string Subject = "Reset your Community Justice Partnerships portal password";

    private const string Intro = "Someone asked to reset the password for your account on the Community Justice Partnerships portal.";
    private const string Action = "To choose a new password, open this link within 2 hours:";
    private const string Outro = "If you did not ask for this, you can ignore this email: your password has not changed.";

    private readonly Uri link = PortalEmail.RequireAbsolute(link, nameof(link));

    public EmailMessage ToMessage() => PortalEmail.LinkMessage(to, Subject, Intro, Action, link, Outro);
}

namespace CjpPortal.Core.Email.Messages;

/// <summary>The invitation to set a password and an authenticator app, with a single-use link. It names who sent it
/// (<paramref name="invitedBy"/>, an e-mail address) and the partnerships the person will look after, so that an
/// unexpected message can be checked with the sender.</summary>
public sealed class InvitationEmail(string to, Uri link, string? invitedBy = null, IReadOnlyList<string>? partnerships = null)
{
    public const string Subject = "You have been invited to the Community Justice Partnerships portal";

    private const string Action = "To set your password and an authenticator app, open this link within 7 days:";
    private const string Outro = "The link works once. If it has expired, ask Community Justice Scotland to send a new invitation.";

    private readonly Uri link = PortalEmail.RequireAbsolute(link, nameof(link));

    /// <summary>"Falkirk", "Falkirk and Stirling", "Angus, Falkirk and Stirling".</summary>
    public static string Listed(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
    }

    private string Intro
    {
        get
        {
            var who = string.IsNullOrWhiteSpace(invitedBy) ? "You have been given" : $"{invitedBy} has given you";
            var what = partnerships is { Count: > 0 } ? $", to keep the directory entry of {Listed(partnerships)} up to date" : string.Empty;
            return $"{who} an account on the Community Justice Partnerships portal{what}.";
        }
    }

    public EmailMessage ToMessage() => PortalEmail.LinkMessage(to, Subject, Intro, Action, link, Outro);
}

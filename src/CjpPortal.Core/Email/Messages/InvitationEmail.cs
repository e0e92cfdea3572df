namespace CjpPortal.Core.Email.Messages;

/// <summary>The invitation to set a password and an authenticator app, with a single-use link.</summary>
public sealed class InvitationEmail(string to, Uri link)
{
    public const string Subject = "You have been invited to the Community Justice Partnerships portal";

    private const string Intro = "You have been given an account on the Community Justice Partnerships portal.";
    private const string Action = "To set your password and an authenticator app, open this link within 7 days:";
    private const string Outro = "The link works once. If it has expired, ask Community Justice Scotland to send a new invitation.";

    private readonly Uri link = PortalEmail.RequireAbsolute(link, nameof(link));

    public EmailMessage ToMessage() => new(to, Subject, $"""
        {Intro}

        {Action}

        {link.AbsoluteUri}

        {Outro}
        """)
    {
        HtmlBody = new EmailHtml().Paragraph(Intro).Paragraph(Action).Link(link).Paragraph(Outro).Document(Subject),
        Headers = PortalEmail.StandardHeaders(),
    };
}

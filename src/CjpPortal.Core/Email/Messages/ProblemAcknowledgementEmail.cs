namespace CjpPortal.Core.Email.Messages;

/// <summary>Tells someone who reported a problem (and left an address) that it has reached the people who keep the page.</summary>
public sealed class ProblemAcknowledgementEmail(string to, string partnershipName)
{
    public const string Subject = "We have received your report";

    public EmailMessage ToMessage()
    {
        var intro = $"Thank you for reporting a problem with the {partnershipName} page on the Community Justice Partnerships portal.";
        var next = "It has been passed to the people who keep the page up to date. We will email you again when they have looked at it.";
        return new(to, Subject, $"""
            {intro}

            {next}
            """)
        {
            HtmlBody = new EmailHtml().Paragraph(intro).Paragraph(next).Document(Subject),
            Headers = PortalEmail.StandardHeaders(),
        };
    }
}

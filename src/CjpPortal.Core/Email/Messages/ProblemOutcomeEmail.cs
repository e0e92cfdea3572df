namespace CjpPortal.Core.Email.Messages;

/// <summary>Tells the reporter that their report was resolved, with the note the coordinator left.</summary>
public sealed class ProblemOutcomeEmail(string to, string partnershipName, string resolutionNote)
{
    public const string Subject = "Your report has been resolved";

    public EmailMessage ToMessage()
    {
        var intro = $"The problem you reported with the {partnershipName} page on the Community Justice Partnerships portal has been looked at and marked as resolved.";
        var note = $"What they said: {resolutionNote}";
        return new(to, Subject, $"""
            {intro}

            {note}
            """)
        {
            HtmlBody = new EmailHtml().Paragraph(intro).Paragraph(note).Document(Subject),
            Headers = PortalEmail.StandardHeaders(),
        };
    }
}

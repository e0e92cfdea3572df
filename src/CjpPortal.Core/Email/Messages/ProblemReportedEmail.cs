using CjpPortal.Core.Domain;
using CjpPortal.Core.Problems;

namespace CjpPortal.Core.Email.Messages;

/// <summary>Tells a partnership's coordinator (or CJS staff) that someone reported a problem with its page. The
/// reporter's note is quoted; their address is not (it is on the report, for those allowed to see it).</summary>
public sealed class ProblemReportedEmail(string to, string partnershipName, ProblemKind kind, string note, Uri link)
{
    private readonly Uri link = PortalEmail.RequireAbsolute(link, nameof(link));

    public string Subject => $"A problem was reported with the {partnershipName} page";

    public EmailMessage ToMessage()
    {
        var intro = $"Someone reported a problem with the {partnershipName} page on the Community Justice Partnerships portal.";
        var what = $"What is wrong: {Labels.Of(kind)}.";
        var quoted = $"Their note: {note}";
        const string Action = "To see the report and mark it resolved, open:";
        return new(to, Subject, $"""
            {intro}

            {what}

            {quoted}

            {Action}

            {link.AbsoluteUri}
            """)
        {
            HtmlBody = new EmailHtml().Paragraph(intro).Paragraph(what).Paragraph(quoted).Paragraph(Action).Link(link).Document(Subject),
            Headers = PortalEmail.StandardHeaders(),
        };
    }
}

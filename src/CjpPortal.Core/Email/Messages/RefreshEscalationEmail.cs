using System.Globalization;

namespace CjpPortal.Core.Email.Messages;

/// <summary>To CJS staff, once a year: the partnerships that have not confirmed their directory entry by the
/// escalation day, by name.</summary>
public sealed class RefreshEscalationEmail(string to, int year, IReadOnlyList<string> unconfirmed, Uri link)
{
    private const string Action = "The refresh’s progress, and a way to send a reminder now:";

    private readonly Uri link = PortalEmail.RequireAbsolute(link, nameof(link));

    public static string SubjectFor(int year, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"Directory refresh {year}: {count} {(count == 1 ? "partnership has" : "partnerships have")} not confirmed their entry");

    private string Subject => SubjectFor(year, unconfirmed.Count);

    private string Intro => string.Create(CultureInfo.InvariantCulture, $"These partnerships have not confirmed their directory entry for {year}, despite the invitation and reminders:");

    public EmailMessage ToMessage()
    {
        var html = new EmailHtml().Paragraph(Intro).List(unconfirmed).Paragraph(Action).Link(link);
        return new(to, Subject, $"""
            {Intro}

            {string.Join("\n", unconfirmed.Select(name => "- " + name))}

            {Action}

            {link.AbsoluteUri}
            """)
        {
            HtmlBody = html.Document(Subject),
            Headers = PortalEmail.StandardHeaders(),
        };
    }
}

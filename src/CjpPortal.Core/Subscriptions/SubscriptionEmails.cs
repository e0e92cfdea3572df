using System.Globalization;
using System.Text;
using CjpPortal.Core.Email;
using CjpPortal.Core.Email.Messages;

namespace CjpPortal.Core.Subscriptions;

/// <summary>The e-mails subscriptions send. Each carries <see cref="StreamHeader"/>, so that unsubscribing can delete
/// the subscription mail still held for the address (and nothing else sent to it, such as password resets).</summary>
public static class SubscriptionEmails
{
    public const string StreamHeader = "X-CJP-Stream";
    public const string StreamValue = "subscriptions";
    public const string ListUnsubscribeHeader = "List-Unsubscribe";
    public const string ListUnsubscribePostHeader = "List-Unsubscribe-Post";
    public const string OneClick = "List-Unsubscribe=One-Click";

    public const string ConfirmSubject = "Confirm your subscription to Community Justice Partnerships news";
    public const string AlreadySubscribedSubject = "You are already subscribed to Community Justice Partnerships news";

    public static EmailMessage Confirmation(string to, Uri confirm)
    {
        const string intro = "Someone, probably you, asked to get news from the Community Justice Partnerships portal at this address.";
        const string action = "To start getting it, open this link within 7 days and press the button on the page:";
        const string outro = "If you did not ask for this, ignore this e-mail: you will get nothing more, and we delete the address after 7 days.";
        return new EmailMessage(to, ConfirmSubject, $"{intro}\n\n{action}\n\n{confirm.AbsoluteUri}\n\n{outro}\n")
        {
            HtmlBody = new EmailHtml().Paragraph(intro).Paragraph(action).Link(confirm).Paragraph(outro).Document(ConfirmSubject),
            Headers = Headers(),
        };
    }

    public static EmailMessage AlreadySubscribed(string to, Uri manage)
    {
        const string intro = "Someone, probably you, asked to subscribe this address to news from the Community Justice Partnerships portal. It is already subscribed, so nothing has changed.";
        const string action = "To change what you get, or to unsubscribe, open this link:";
        return new EmailMessage(to, AlreadySubscribedSubject, $"{intro}\n\n{action}\n\n{manage.AbsoluteUri}\n")
        {
            HtmlBody = new EmailHtml().Paragraph(intro).Paragraph(action).Link(manage).Document(AlreadySubscribedSubject),
            Headers = Headers(),
        };
    }

    /// <summary>One broadcast to one subscriber, with the List-Unsubscribe headers (RFC 2369, RFC 8058 one-click) and
    /// a footer linking to manage and unsubscribe.</summary>
    public static EmailMessage Broadcast(string to, Broadcast broadcast, Uri manage, Uri unsubscribe, string mailto)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        var link = new Uri(broadcast.Link);
        var text = new StringBuilder(broadcast.TextBody.TrimEnd()).Append("\n\n").Append(link.AbsoluteUri).Append('\n');
        AppendFooter(text, manage, unsubscribe);
        var html = new EmailHtml().Heading(broadcast.Subject, 1);
        html = broadcast.HtmlBody is null ? html.Paragraph(broadcast.TextBody) : html.Trusted(broadcast.HtmlBody);
        html = html.Link(link, "Read it on the portal");
        return new EmailMessage(to, broadcast.Subject, text.ToString())
        {
            HtmlBody = Footer(html, manage, unsubscribe).Document(broadcast.Subject),
            Headers = BulkHeaders(unsubscribe, mailto),
        };
    }

    /// <summary>The week's broadcasts in one message, each with its heading, text and link, then the consultations
    /// closing soon, each with how long is left and how to respond.</summary>
    public static EmailMessage Digest(string to, IReadOnlyList<Broadcast> broadcasts, IReadOnlyList<ClosingConsultation> closing,
        Uri manage, Uri unsubscribe, string mailto)
    {
        ArgumentNullException.ThrowIfNull(broadcasts);
        ArgumentNullException.ThrowIfNull(closing);
        var count = broadcasts.Count + closing.Count;
        var subject = count == 1
            ? "This week from the Community Justice Partnerships portal: 1 item"
            : $"This week from the Community Justice Partnerships portal: {count} items";
        var text = new StringBuilder();
        var html = new EmailHtml().Heading(subject, 1);
        foreach (var broadcast in broadcasts)
        {
            var link = new Uri(broadcast.Link);
            AppendHeading(text, broadcast.Subject)
                .Append(broadcast.TextBody.TrimEnd()).Append("\n\n").Append(link.AbsoluteUri).Append("\n\n");
            html = html.Heading(broadcast.Subject).Paragraph(broadcast.TextBody).Link(link, $"Read “{broadcast.Subject}” on the portal");
        }

        if (closing.Count > 0)
        {
            AppendHeading(text, ClosingSoonHeading);
            html = html.Heading(ClosingSoonHeading);
        }

        foreach (var consultation in closing)
        {
            var title = $"{consultation.Partnership}: draft plan for {consultation.Period}";
            var when = $"{consultation.ClosesIn} ({consultation.ClosesOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}).";
            text.Append(title).Append('\n').Append(when).Append('\n');
            html = html.Heading(title, 3).Paragraph(when);
            if (consultation.ResponseLink is { } respond && Uri.TryCreate(respond, UriKind.Absolute, out var respondUri))
            {
                text.Append("Respond online: ").Append(respondUri.AbsoluteUri).Append('\n');
                html = html.Link(respondUri, $"Respond to the {consultation.Partnership} consultation online");
            }

            if (consultation.ResponseEmail is { } email)
            {
                text.Append("Respond by e-mail to: ").Append(email).Append('\n');
                html = html.Paragraph($"Respond by e-mail to: {email}");
            }

            text.Append("Details: ").Append(consultation.Page.AbsoluteUri).Append("\n\n");
            html = html.Link(consultation.Page, $"{consultation.Partnership} on the portal");
        }

        AppendFooter(text, manage, unsubscribe);
        return new EmailMessage(to, subject, text.ToString())
        {
            HtmlBody = Footer(html, manage, unsubscribe).Document(subject),
            Headers = BulkHeaders(unsubscribe, mailto),
        };
    }

    public const string ClosingSoonHeading = "Consultations closing soon";

    private static StringBuilder AppendHeading(StringBuilder text, string heading) =>
        text.Append(heading).Append('\n').Append(new string('-', Math.Min(heading.Length, 70))).Append("\n\n");

    private static Dictionary<string, string> Headers()
    {
        var headers = PortalEmail.StandardHeaders();
        headers[StreamHeader] = StreamValue;
        return headers;
    }

    private static Dictionary<string, string> BulkHeaders(Uri unsubscribe, string mailto)
    {
        var headers = Headers();
        headers[ListUnsubscribeHeader] = $"<{unsubscribe.AbsoluteUri}>, <{mailto}>";
        headers[ListUnsubscribePostHeader] = OneClick;
        return headers;
    }

    private static void AppendFooter(StringBuilder text, Uri manage, Uri unsubscribe) =>
        text.Append("\n--\nYou get this because you subscribed to news from the Community Justice Partnerships portal.\n")
            .Append("Change what you get or see what we hold about you: ").Append(manage.AbsoluteUri).Append('\n')
            .Append("Unsubscribe: ").Append(unsubscribe.AbsoluteUri).Append('\n');

    private static EmailHtml Footer(EmailHtml html, Uri manage, Uri unsubscribe) =>
        html.Paragraph("You get this because you subscribed to news from the Community Justice Partnerships portal.")
            .Link(manage, "Change what you get, or see what we hold about you")
            .Link(unsubscribe, "Unsubscribe");
}

/// <summary>A consultation closing soon, as the weekly digest lists it.</summary>
public sealed record ClosingConsultation(int PartnershipId, string Partnership, string Period, DateOnly ClosesOn, string ClosesIn,
    Uri Page, string? ResponseLink, string? ResponseEmail);

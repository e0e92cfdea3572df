namespace CjpPortal.Core.Email.Messages;

/// <summary>What every message class shares: links must already be absolute (the classes live in Core and run
/// with or without a request, so they never see a Host header; callers build links from <c>Portal:BaseUrl</c>
/// through Web's PortalLinks and pass them in), and headers every portal e-mail carries.</summary>
public static class PortalEmail
{
    /// <summary>RFC 3834: the message is sent by the system, so mail servers do not answer it with an out-of-office.</summary>
    public const string AutoSubmittedHeader = "Auto-Submitted";

    public static Dictionary<string, string> StandardHeaders() =>
        new(StringComparer.OrdinalIgnoreCase) { [AutoSubmittedHeader] = "auto-generated" };

    public static Uri RequireAbsolute(Uri link, string paramName)
    {
        ArgumentNullException.ThrowIfNull(link, paramName);
        if (!link.IsAbsoluteUri || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("E-mailed links must be absolute http(s) URLs.", paramName);
        }

        return link;
    }

    /// <summary>The common message: what happened, what to do, the link, and what happens otherwise, as four
    /// paragraphs in both parts.</summary>
    public static EmailMessage LinkMessage(string to, string subject, string intro, string action, Uri link, string outro)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(to, subject, $"{intro}\n\n{action}\n\n{link.AbsoluteUri}\n\n{outro}")
        {
            HtmlBody = new EmailHtml().Paragraph(intro).Paragraph(action).Link(link).Paragraph(outro).Document(subject),
            Headers = StandardHeaders(),
        };
    }
}

using CjpPortal.Core.Organisations;

namespace CjpPortal.Core.Email.Messages;

/// <summary>Sent when an organisation adds itself: the link that verifies its contact e-mail and sends the listing
/// to moderation. Nothing is published until a moderator approves it.</summary>
public sealed class OrganisationVerificationEmail(string to, string organisationName, Uri link)
{
    public const string Subject = "Confirm your organisation's listing on the Community Justice Partnerships portal";

    private readonly Uri link = PortalEmail.RequireAbsolute(link, nameof(link));

    private string Intro => $"Someone added {organisationName} to the directory of third-sector organisations, with this address as its contact.";

    private const string Action = "To confirm this address and send the listing for approval, open this link within 7 days:";
    private const string Outro = "If you did not add it, ignore this message: nothing is published without this confirmation.";

    public EmailMessage ToMessage() => PortalEmail.LinkMessage(to, Subject, Intro, Action, link, Outro);
}

/// <summary>To the coordinators of a listing's areas and CJS staff: a listing is waiting for their decision.</summary>
public sealed class OrganisationModerationRequestEmail(string to, string organisationName, string where, Uri link, bool resubmitted = false)
{
    public const string Subject = "An organisation's listing is waiting for approval";

    private readonly Uri link = PortalEmail.RequireAbsolute(link, nameof(link));

    private string Intro => resubmitted
        ? $"{organisationName} ({where}) has made the changes asked for and is waiting for approval again."
        : $"{organisationName} ({where}) has added itself to the directory of third-sector organisations and is waiting for approval.";

    private const string Action = "To approve it, ask for changes or reject it, sign in and open:";

    public EmailMessage ToMessage() => new(to, Subject, $"""
        {Intro}

        {Action}

        {link.AbsoluteUri}
        """)
    {
        HtmlBody = new EmailHtml().Paragraph(Intro).Paragraph(Action).Link(link).Document(Subject),
        Headers = PortalEmail.StandardHeaders(),
    };
}

/// <summary>To the organisation's verified contact: the moderator's decision, with the reason, and a link to edit the
/// listing (not after a rejection).</summary>
public sealed class OrganisationDecisionEmail(string to, string organisationName, ModerationDecision decision, string? reason, Uri? editLink, Uri? listingLink)
{
    public string Subject => decision switch
    {
        ModerationDecision.Approve => $"{organisationName} is now listed",
        ModerationDecision.RequestChanges => $"Changes needed before {organisationName} is listed",
        _ => $"{organisationName} has not been listed",
    };

    private string Intro => decision switch
    {
        ModerationDecision.Approve => $"{organisationName} has been approved and is now in the directory of third-sector organisations.",
        ModerationDecision.RequestChanges => $"Before {organisationName} can be listed, the moderator has asked for changes.",
        _ => $"{organisationName} has not been accepted for the directory of third-sector organisations.",
    };

    public EmailMessage ToMessage()
    {
        var text = new List<string> { Intro };
        var html = new EmailHtml().Paragraph(Intro);
        if (!string.IsNullOrWhiteSpace(reason))
        {
            text.Add("The moderator wrote: " + reason);
            html.Paragraph("The moderator wrote: " + reason);
        }

        if (listingLink is not null)
        {
            text.Add("Your listing: " + PortalEmail.RequireAbsolute(listingLink, nameof(listingLink)).AbsoluteUri);
            html.Paragraph("Your listing:").Link(listingLink);
        }

        if (editLink is not null)
        {
            const string EditAction = "To change the listing, open this link within 14 days (you can ask for a new one on the listing's page):";
            text.Add(EditAction + "\n\n" + PortalEmail.RequireAbsolute(editLink, nameof(editLink)).AbsoluteUri);
            html.Paragraph(EditAction).Link(editLink);
        }

        return new EmailMessage(to, Subject, string.Join("\n\n", text) + "\n")
        {
            HtmlBody = html.Document(Subject),
            Headers = PortalEmail.StandardHeaders(),
        };
    }
}

/// <summary>A link to edit a listing, sent to its verified contact on request.</summary>
public sealed class OrganisationEditLinkEmail(string to, string organisationName, Uri link)
{
    public const string Subject = "Your link to edit your organisation's listing";

    private readonly Uri link = PortalEmail.RequireAbsolute(link, nameof(link));

    private string Intro => $"A link to edit the listing of {organisationName} was asked for.";

    private const string Action = "To change the listing or its services, open this link within 14 days:";
    private const string Outro = "If you did not ask for it, ignore this message: the listing stays as it is.";

    public EmailMessage ToMessage() => PortalEmail.LinkMessage(to, Subject, Intro, Action, link, Outro);
}

/// <summary>To a published listing's verified contact, a year after it was last confirmed (and as reminders until it
/// is): is the listing still right? The link opens the listing with a "Yes, it is still right" button and a way to
/// edit it.</summary>
public sealed class ListingReviewEmail(string to, string organisationName, bool reminder, Uri link)
{
    private readonly Uri link = PortalEmail.RequireAbsolute(link, nameof(link));

    public string Subject => SubjectFor(organisationName, reminder);

    public static string SubjectFor(string organisationName, bool reminder) => reminder
        ? $"Reminder: please confirm that the listing of {organisationName} is still right"
        : $"Please confirm that the listing of {organisationName} is still right";

    private string Intro => $"Once a year we ask every organisation in the directory of third-sector organisations to check its listing. It is time to check the listing of {organisationName}.";

    private const string Action = "Open this link to see the listing, then confirm it is still right or change it (the link works for 60 days):";

    private const string Outro = "A listing that is not confirmed is marked \"may be out of date\" a month later, and some months after that it is hidden until it is confirmed.";

    public EmailMessage ToMessage() => PortalEmail.LinkMessage(to, Subject, Intro, Action, link, Outro);
}

/// <summary>To a listing's verified contact, once, when the listing has gone unconfirmed so long that it is hidden
/// from the public; confirming through the link brings it back.</summary>
public sealed class ListingHiddenEmail(string to, string organisationName, DateOnly lastConfirmed, Uri link)
{
    private readonly Uri link = PortalEmail.RequireAbsolute(link, nameof(link));

    public string Subject => SubjectFor(organisationName);

    public static string SubjectFor(string organisationName) => $"The listing of {organisationName} is hidden until you confirm it";

    private string Intro => $"The listing of {organisationName} has not been confirmed since {lastConfirmed.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}, so it is no longer shown in the directory of third-sector organisations or in open data.";

    private const string Action = "To bring it back, open this link, check the listing and confirm it is still right (the link works for 60 days):";

    public EmailMessage ToMessage() => new(to, Subject, $"""
        {Intro}

        {Action}

        {link.AbsoluteUri}
        """)
    {
        HtmlBody = new EmailHtml().Paragraph(Intro).Paragraph(Action).Link(link).Document(Subject),
        Headers = PortalEmail.StandardHeaders(),
    };
}

/// <summary>To a listing's verified contact: someone reported a problem with the listing. CJS staff (and the
/// coordinators of its areas) resolve the report; the contact is told so they can correct the listing themselves,
/// through an edit link asked for on the listing's page.</summary>
public sealed class ListingProblemReportedEmail(string to, string organisationName, Problems.ProblemKind kind, string note, Uri listingLink)
{
    private readonly Uri listingLink = PortalEmail.RequireAbsolute(listingLink, nameof(listingLink));

    public string Subject => SubjectFor(organisationName);

    public static string SubjectFor(string organisationName) => $"A problem was reported with the listing of {organisationName}";

    public EmailMessage ToMessage()
    {
        var intro = $"Someone reported a problem with the listing of {organisationName} in the directory of third-sector organisations. Community Justice Scotland will look at it.";
        var what = $"What is wrong: {Domain.Labels.Of(kind)}.";
        var quoted = $"Their note: {note}";
        const string Action = "If the listing needs changing, open it and ask for an edit link under \"Is this your organisation?\":";
        return new(to, Subject, $"""
            {intro}

            {what}

            {quoted}

            {Action}

            {listingLink.AbsoluteUri}
            """)
        {
            HtmlBody = new EmailHtml().Paragraph(intro).Paragraph(what).Paragraph(quoted).Paragraph(Action).Link(listingLink).Document(Subject),
            Headers = PortalEmail.StandardHeaders(),
        };
    }
}

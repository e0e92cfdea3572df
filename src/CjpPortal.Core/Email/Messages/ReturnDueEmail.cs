using System.Globalization;

namespace CjpPortal.Core.Email.Messages;

/// <summary>To a partnership's coordinators before its annual return is due, unless it has been submitted.</summary>
public sealed class ReturnDueEmail(string to, string partnership, string reportingYear, DateOnly dueOn, Uri link)
{
    private const string Action = "Record and submit the return here:";
    private const string Outro = "If it has already been sent to Community Justice Scotland, record the date it was submitted so the reminders stop.";

    private readonly Uri link = PortalEmail.RequireAbsolute(link, nameof(link));

    public static string SubjectFor(string partnership, string reportingYear, DateOnly dueOn) =>
        string.Create(CultureInfo.InvariantCulture, $"{partnership}’s annual return for {reportingYear} is due on {dueOn:d MMMM yyyy}");

    private string Subject => SubjectFor(partnership, reportingYear, dueOn);

    private string Intro => string.Create(CultureInfo.InvariantCulture, $"{partnership}’s annual return to Community Justice Scotland for {reportingYear} is due on {dueOn:d MMMM yyyy}, and has not been recorded as submitted.");

    public EmailMessage ToMessage() => PortalEmail.LinkMessage(to, Subject, Intro, Action, link, Outro);
}

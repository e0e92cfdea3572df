using System.Globalization;

namespace CjpPortal.Core.Email.Messages;

/// <summary>The annual refresh's invitation to review and confirm a partnership's directory entry, or a reminder of
/// it (<paramref name="reminder"/>). Sent to the partnership's coordinators, or to CJS staff
/// (<paramref name="toCjsStaff"/>) when the partnership has no active coordinator account.</summary>
public sealed class RefreshReviewEmail(string to, string partnership, int year, Uri link, bool reminder, bool toCjsStaff)
{
    private const string Outro = "Please check the contacts, the ways to get involved and the documents, change anything out of date, then confirm the entry is correct. The link asks you to sign in.";

    private readonly Uri link = PortalEmail.RequireAbsolute(link, nameof(link));

    public static string SubjectFor(string partnership, int year, bool reminder) =>
        string.Create(CultureInfo.InvariantCulture, $"{(reminder ? "Reminder: review" : "Review")} and confirm {partnership}’s directory entry for {year}");

    private string Subject => SubjectFor(partnership, year, reminder);

    private string Intro => (reminder
        ? string.Create(CultureInfo.InvariantCulture, $"{partnership}’s entry in the Community Justice Partnerships directory has not been confirmed yet for {year}.")
        : string.Create(CultureInfo.InvariantCulture, $"The {year} refresh of the Community Justice Partnerships directory is open. Please review {partnership}’s entry."))
        + (toCjsStaff ? $" {partnership} has no active coordinator account, so this comes to Community Justice Scotland." : string.Empty);

    private const string Action = "Review and confirm the entry here:";

    public EmailMessage ToMessage() => PortalEmail.LinkMessage(to, Subject, Intro, Action, link, Outro);
}

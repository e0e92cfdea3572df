using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Problems;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.TagHelpers;
using CjpPortal.Web.Infrastructure.Validation;
using CjpPortal.Web.Pages.Manage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.ReportAProblem;

/// <summary>Anyone tells the people who keep a partnership's page, or an organisation's listing, that something on it is
/// wrong. What the report is about comes from the link on that page (<c>?partnership={slug}</c> or
/// <c>?organisation={id}</c>, a listing the public can see; anything else is 404); the form is not output-cached (it carries an
/// antiforgery token). A filled-in honeypot field is thanked and dropped; a client that has sent
/// <see cref="ProblemReportService.ReportsPerWindow"/> reports in the last hour is refused (429).</summary>
[AllowAnonymous]
public class IndexModel(ProblemReportService problems, PortalLinks portalLinks, ManageLinks manageLinks, PublicLinks publicLinks,
    ReportSubjects subjects) : PageModel
{
    public const string RateLimitedMessage = "You have sent several reports in the last hour. Please try again later.";

    public static IReadOnlyList<ChoiceItem> KindChoices { get; } =
        [.. Enum.GetValues<ProblemKind>().Select(k => new ChoiceItem(Labels.Of(k), ((int)k).ToString(CultureInfo.InvariantCulture)))];

    [BindProperty]
    public int? Kind { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Tell us what is wrong")]
    [StringLength(ProblemReport.NoteMaxLength, ErrorMessage = "Your note must be {1} characters or fewer")]
    public string? Note { get; set; }

    [BindProperty]
    [StringLength(ProblemReport.ReplyEmailMaxLength, ErrorMessage = "The email address must be {1} characters or fewer")]
    [PlainEmail]
    public string? ReplyEmail { get; set; }

    /// <summary>The honeypot: hidden from people (and from assistive technology), filled in by form-filling robots.</summary>
    [BindProperty]
    public string? Website { get; set; }

    /// <summary>What the report is about, from the query string.</summary>
    public ReportSubject About { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] string? partnership, [FromQuery] string? organisation, CancellationToken cancellationToken) =>
        await LoadAsync(partnership, organisation, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromQuery] string? partnership, [FromQuery] string? organisation, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(partnership, organisation, cancellationToken))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            return LocalRedirect(About.SentPath(publicLinks));
        }

        ReplyEmail = EmailAddress.Normalise(ReplyEmail);
        if (Kind is not { } kind || !Enum.IsDefined((ProblemKind)kind))
        {
            ModelState.AddModelError(nameof(Kind), "Choose what is wrong");
        }

        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var clientKey = ProblemReportService.ClientKeyOf(HttpContext.Connection.RemoteIpAddress?.ToString());
        var baseUri = portalLinks.BaseUri(Request);
        var saved = await problems.ReportAsync(
            new NewProblemReport(About.PartnershipId, (ProblemKind)Kind!.Value, Note!, string.IsNullOrEmpty(ReplyEmail) ? null : ReplyEmail, clientKey, About.OrganisationId),
            id => new Uri(baseUri, manageLinks.Problem(id).TrimStart('/')),
            cancellationToken);
        if (saved is null)
        {
            ModelState.AddModelError(string.Empty, RateLimitedMessage);
            return FormPages.Invalid(this, StatusCodes.Status429TooManyRequests);
        }

        return LocalRedirect(About.SentPath(publicLinks));
    }

    private async Task<bool> LoadAsync(string? partnership, string? organisation, CancellationToken cancellationToken)
    {
        if (await subjects.FindAsync(partnership, organisation, cancellationToken) is not { } about)
        {
            return false;
        }

        About = about;
        return true;
    }
}

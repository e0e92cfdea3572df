using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Organisations;
using CjpPortal.Web.Pages.Manage.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.ReportAProblem;

/// <summary>What a problem report is about: a partnership's page, or an organisation's listing that the public can
/// see (published and not hidden by the yearly confirmation cycle).</summary>
public sealed record ReportSubject(string Name, int? PartnershipId, string? Slug, int? OrganisationId)
{
    /// <summary>"page" or "listing", as the form and its confirmation say it.</summary>
    public string Noun => OrganisationId is null ? "page" : "listing";

    public string BackPath(PublicLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        return OrganisationId is { } id ? OrganisationLinks.ShowPath(id) : links.Partnership(Slug!);
    }

    public string SentPath(PublicLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        return OrganisationId is { } id ? links.OrganisationProblemReported(id) : links.ProblemReported(Slug!);
    }
}

/// <summary>Reads <see cref="ReportSubject"/> from the query string of the report form and its confirmation page:
/// exactly one of <c>partnership</c> (a slug) and <c>organisation</c> (an id); null for anything else.</summary>
public sealed class ReportSubjects(AppDbContext db, ListingReviewClock review)
{
    public async Task<ReportSubject?> FindAsync(string? partnership, string? organisation, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(partnership) && string.IsNullOrEmpty(organisation))
        {
            return await ManagedPartnership.FindAsync(db, partnership, cancellationToken) is { } found
                ? new ReportSubject(found.Name, found.Id, found.Slug, null)
                : null;
        }

        if (string.IsNullOrEmpty(partnership) && int.TryParse(organisation, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var name = await ListingReview.Visible(db.Organisations, review.Now()).Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
            return name is null ? null : new ReportSubject(name, null, null, id);
        }

        return null;
    }
}

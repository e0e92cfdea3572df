using System.Security.Cryptography;
using System.Text;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Email;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Problems;

/// <summary>A report as the public form gives it, about a partnership's page or (<paramref name="OrganisationId"/>, with
/// <paramref name="PartnershipId"/> null) an organisation's listing. <see cref="ClientKey"/> comes from
/// <see cref="ProblemReportService.ClientKeyOf"/>.</summary>
public sealed record NewProblemReport(int? PartnershipId, ProblemKind Kind, string Note, string? ReplyEmail, string ClientKey, int? OrganisationId = null);

public enum ResolveOutcome
{
    Resolved,
    AlreadyResolved,
}

/// <summary>Problem reports: taking one in (rate limit, the report, the notification to whoever keeps the page and the
/// reporter's acknowledgement, in one transaction) and resolving one (the note, its history and the outcome e-mail).</summary>
public sealed class ProblemReportService(AppDbContext db, IEmailOutbox outbox, TimeProvider clock)
{
    /// <summary>Reports one client address may make in <see cref="RateLimitWindow"/>: enough for a person reporting a
    /// few pages, not for a script. Counted in the database, so it holds across instances and restarts.</summary>
    public const int ReportsPerWindow = 5;

    public static readonly TimeSpan RateLimitWindow = TimeSpan.FromHours(1);

    /// <summary>The key the rate limit counts by: a hash of the client's address, so the address is not stored.</summary>
    public static string ClientKeyOf(string? clientAddress) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("problem-report:" + (clientAddress ?? "unknown"))));

    /// <summary>Saves the report and queues its e-mails; null (nothing saved) when the client has reached the rate
    /// limit. <paramref name="reportLink"/> gives the absolute address of a saved report's page under /manage.</summary>
    public async Task<ProblemReport?> ReportAsync(NewProblemReport report, Func<int, Uri> reportLink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(reportLink);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two reports from one client at once are counted one after the other.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({report.ClientKey}))", cancellationToken);
        var since = now - RateLimitWindow;
        if (await db.ProblemReports.CountAsync(r => r.ClientKey == report.ClientKey && r.ReportedAt > since, cancellationToken) >= ReportsPerWindow)
        {
            return null;
        }

        var about = await NameOfAsync(report.PartnershipId, report.OrganisationId, cancellationToken);
        var row = new ProblemReport
        {
            PartnershipId = report.PartnershipId,
            OrganisationId = report.PartnershipId is null ? report.OrganisationId : null,
            Kind = report.Kind,
            Note = report.Note,
            ReplyEmail = report.ReplyEmail,
            ClientKey = report.ClientKey,
            ReportedAt = now,
        };
        db.ProblemReports.Add(row);
        await db.SaveChangesAsync(cancellationToken);

        var link = reportLink(row.Id);
        var recipients = row.PartnershipId is { } partnershipId
            ? await ActiveRecipients.ForPartnershipAsync(db, partnershipId, now, cancellationToken)
            : await ActiveRecipients.CjsStaffAsync(db, now, cancellationToken);
        foreach (var to in recipients)
        {
            outbox.Enqueue(new ProblemReportedEmail(to, about, report.Kind, report.Note, link).ToMessage());
        }

        if (row.OrganisationId is { } organisationId
            && await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId && o.ContactEmailVerifiedAt != null).Select(o => o.ContactEmail)
                .SingleOrDefaultAsync(cancellationToken) is { } contact)
        {
            // The same address as every other link in mail: the report's link resolved against the site's root.
            outbox.Enqueue(new ListingProblemReportedEmail(contact, about, report.Kind, report.Note, new Uri(link, Organisations.OrganisationLinks.ShowPath(organisationId))).ToMessage());
        }

        if (report.ReplyEmail is not null)
        {
            outbox.Enqueue(new ProblemAcknowledgementEmail(report.ReplyEmail, about).ToMessage());
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row;
    }

    /// <summary>Marks <paramref name="report"/> (tracked by this service's context) resolved with
    /// <paramref name="note"/>, writes its history and e-mails the outcome to the reporter if they left an address.</summary>
    public async Task<ResolveOutcome> ResolveAsync(ProblemReport report, string note, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(actor);
        if (report.IsResolved)
        {
            return ResolveOutcome.AlreadyResolved;
        }

        report.ResolvedAt = clock.GetUtcNow();
        report.ResolvedById = actor.UserId;
        report.ResolutionNote = note;
        if (report.ReplyEmail is not null)
        {
            outbox.Enqueue(new ProblemOutcomeEmail(report.ReplyEmail, await NameOfAsync(report.PartnershipId, report.OrganisationId, cancellationToken), note).ToMessage());
        }

        try
        {
            await db.SaveChangesAuditedAsync(actor, clock, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else resolved it after this request loaded it: theirs stands, and the reporter hears once.
            return ResolveOutcome.AlreadyResolved;
        }

        return ResolveOutcome.Resolved;
    }

    /// <summary>The name of what a report is about: the partnership, or else the organisation.</summary>
    private async Task<string> NameOfAsync(int? partnershipId, int? organisationId, CancellationToken cancellationToken) =>
        partnershipId is { } p
            ? await db.Partnerships.AsNoTracking().Where(x => x.Id == p).Select(x => x.Name).SingleAsync(cancellationToken)
            : await db.Organisations.AsNoTracking().Where(x => x.Id == organisationId).Select(x => x.Name).SingleAsync(cancellationToken);
}

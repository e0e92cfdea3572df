using CjpPortal.Core.Audit;
using CjpPortal.Core.Email;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Organisations;

/// <summary>A moderator's decision on a listing.</summary>
public enum ModerationDecision
{
    Approve = 1,
    RequestChanges = 2,
    Reject = 3,
}

/// <summary>What happens to a listing on its way to the directory and afterwards: added, verified, moderated, edited
/// by its owner. Each step changes the listing, writes its history and queues its e-mails in one transaction (the
/// page validates, calls it and redirects). Links in e-mails are built from <c>baseUri</c>, the portal's configured
/// address.
/// <para>An edit of a published listing by its verified owner stays published without a new moderation: the owner
/// has proved the address moderators approved, every change is in the history moderators read, and a listing that
/// went wrong can still be rejected from the queue. An edit after "ask for changes" goes back to moderation.</para></summary>
public sealed class OrganisationListings(AppDbContext db, TimeProvider clock, IEmailOutbox outbox, OrganisationLinks links)
{
    /// <summary>Listings one contact address may add in a day: enough for a few branches, not for a spam run.</summary>
    public const int AddsPerAddressPerDay = 3;

    /// <summary>Edit links one contact address may ask for in an hour.</summary>
    public const int EditLinksPerAddressPerHour = 1;

    public const string EditLinkOccurrenceKind = "organisation-edit-link";

    /// <summary>History's actor for changes made through a signed link: no account, just the verified address.</summary>
    public static AuditActor Owner(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new AuditActor(Guid.Empty, organisation.ContactEmail);
    }

    /// <summary>Whether <paramref name="contactEmail"/> (normalised) has added <see cref="AddsPerAddressPerDay"/>
    /// listings in the last 24 hours.</summary>
    public async Task<bool> AddLimitReachedAsync(string contactEmail, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        return await db.Organisations.CountAsync(o => o.ContactEmail == contactEmail && o.CreatedAt > since, cancellationToken) >= AddsPerAddressPerDay;
    }

    /// <summary>Saves a new listing (waiting for verification) and queues the verification e-mail.</summary>
    public async Task AddAsync(Organisation organisation, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var now = clock.GetUtcNow();
        organisation.Status = OrganisationStatus.PendingVerification;
        organisation.CreatedAt = now;
        organisation.UpdatedAt = now;
        OrganisationSearchText.Refresh(organisation);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Organisations.Add(organisation);
        await db.SaveChangesAuditedAsync(Owner(organisation), clock, cancellationToken);
        outbox.Enqueue(new OrganisationVerificationEmail(organisation.ContactEmail, organisation.Name, links.Verify(baseUri, organisation)).ToMessage());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Verifies the contact e-mail of a listing waiting for it (tracked): it goes to moderation and its
    /// moderators are told. False, with nothing saved, when it was not waiting.</summary>
    public async Task<bool> VerifyAsync(Organisation organisation, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (organisation.Status != OrganisationStatus.PendingVerification)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        organisation.ContactEmailVerifiedAt = now;
        organisation.Status = OrganisationStatus.AwaitingModeration;
        organisation.UpdatedAt = now;
        // The verification link works once.
        organisation.RenewLinkStamp();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAuditedAsync(Owner(organisation), clock, cancellationToken);
        await NotifyModeratorsAsync(organisation, baseUri, resubmitted: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Records a moderator's decision on a listing (tracked) that is waiting for one, or a published one (which
    /// can still be sent back or rejected), and tells the organisation. False, with nothing saved, when the decision
    /// does not apply to the listing's status.</summary>
    public async Task<bool> DecideAsync(Organisation organisation, ModerationDecision decision, string? reason, AuditActor moderator, Uri baseUri,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (!CanDecide(organisation.Status, decision))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        organisation.Status = decision switch
        {
            ModerationDecision.Approve => OrganisationStatus.Published,
            ModerationDecision.RequestChanges => OrganisationStatus.ChangesRequested,
            _ => OrganisationStatus.Rejected,
        };
        organisation.ModerationReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        organisation.ModeratedAt = now;
        if (decision == ModerationDecision.Approve)
        {
            organisation.PublishedAt ??= now;
            organisation.ConfirmedAt = now;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAuditedAsync(moderator, clock, cancellationToken);
        var editLink = decision == ModerationDecision.Reject ? null : links.Edit(baseUri, organisation);
        var listingLink = decision == ModerationDecision.Approve ? new Uri(baseUri, OrganisationLinks.ShowPath(organisation.Id)) : null;
        outbox.Enqueue(new OrganisationDecisionEmail(organisation.ContactEmail, organisation.Name, decision, organisation.ModerationReason, editLink, listingLink).ToMessage());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Which decisions a listing in <paramref name="status"/> can take: one waiting for moderation (or sent
    /// back) any; a published one can be sent back or rejected; nothing before verification or after rejection.</summary>
    public static bool CanDecide(OrganisationStatus status, ModerationDecision decision) => status switch
    {
        OrganisationStatus.AwaitingModeration or OrganisationStatus.ChangesRequested => true,
        OrganisationStatus.Published => decision != ModerationDecision.Approve,
        _ => false,
    };

    /// <summary>Whether the owner may edit a listing in <paramref name="status"/> through a signed link.</summary>
    public static bool OwnerCanEdit(OrganisationStatus status) =>
        status is OrganisationStatus.AwaitingModeration or OrganisationStatus.ChangesRequested or OrganisationStatus.Published;

    /// <summary>Saves the owner's edit of a listing (tracked, changed by the caller, services included): search text
    /// refreshed, history written; a listing sent back for changes goes to moderation again and its moderators are
    /// told. A published listing stays published (see the class summary).</summary>
    public async Task SaveOwnerEditAsync(Organisation organisation, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var now = clock.GetUtcNow();
        organisation.UpdatedAt = now;
        foreach (var service in organisation.Services.Where(s => db.Entry(s).State is EntityState.Added or EntityState.Modified))
        {
            service.UpdatedAt = now;
            if (db.Entry(service).State == EntityState.Added)
            {
                service.CreatedAt = now;
            }
        }

        OrganisationSearchText.Refresh(organisation);
        var resubmitted = organisation.Status == OrganisationStatus.ChangesRequested;
        if (resubmitted)
        {
            organisation.Status = OrganisationStatus.AwaitingModeration;
        }

        var areaChanges = await AreaChangesAsync(organisation, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAuditedAsync(Owner(organisation), clock, areaChanges, cancellationToken);
        if (resubmitted)
        {
            await NotifyModeratorsAsync(organisation, baseUri, resubmitted: true, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The owner confirms through the signed link that a published listing (tracked) is still right: a new
    /// yearly cycle starts (<see cref="ListingReviewJob"/>), an out-of-date or hidden listing is current again, and
    /// history records it. False, with nothing saved, when the listing is not published.</summary>
    public async Task<bool> ConfirmAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (!organisation.IsPublished)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        organisation.ConfirmedAt = now;
        organisation.UpdatedAt = now;
        await db.SaveChangesAuditedAsync(Owner(organisation), clock, cancellationToken);
        return true;
    }

    /// <summary>History rows for the council areas of the listing and its services, which the audited save does not see
    /// (they are join rows): one "Areas" field per listing or service whose areas changed, old and new names. Read
    /// before the save, from the database as it still is; a service added in this save gets its id in the callback.</summary>
    private async Task<Func<AuditEntries, IEnumerable<AuditEntry>>> AreaChangesAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        var names = await db.CouncilAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var listingBefore = await db.OrganisationAreas.AsNoTracking().Where(a => a.OrganisationId == organisation.Id)
            .Select(a => a.CouncilAreaId).ToListAsync(cancellationToken);
        var servicesBefore = (await db.OrganisationServiceAreas.AsNoTracking().Where(a => a.Service.OrganisationId == organisation.Id)
            .Select(a => new { a.ServiceId, a.CouncilAreaId }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ServiceId, a => a.CouncilAreaId);
        string? Listed(IEnumerable<int> ids)
        {
            var list = ids.Select(id => names.GetValueOrDefault(id, id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Order(StringComparer.Ordinal).ToList();
            return list.Count == 0 ? null : string.Join(", ", list);
        }

        var listingAfter = organisation.Areas.Select(a => a.CouncilAreaId).ToList();
        var services = organisation.Services
            .Select(s => (Service: s, Added: db.Entry(s).State == EntityState.Added, Before: Listed(servicesBefore[s.Id]), After: Listed(s.Areas.Select(a => a.CouncilAreaId))))
            .Where(s => s.Before != s.After)
            .ToList();
        return entries =>
        {
            var rows = new List<AuditEntry>();
            if (Listed(listingBefore) != Listed(listingAfter))
            {
                rows.Add(entries.Entry(null, HistoryCatalogue.Organisation.Entity, organisation.Id, HistoryCatalogue.OrganisationAreasField, Listed(listingBefore), Listed(listingAfter)));
            }

            rows.AddRange(services.Select(s => entries.Entry(null, HistoryCatalogue.OrganisationService.Entity, s.Service.Id, HistoryCatalogue.OrganisationAreasField,
                s.Added ? null : s.Before, s.After)));
            return rows;
        };
    }

    /// <summary>Queues an edit link to the verified contact of each listing it may edit with that address, at most
    /// <see cref="EditLinksPerAddressPerHour"/> an hour. The caller says the same thing whatever happens here, so the
    /// form does not tell anyone which addresses are listed.</summary>
    public async Task SendEditLinksAsync(string contactEmail, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactEmail);
        var listings = await db.Organisations
            .Where(o => o.ContactEmail == contactEmail && o.ContactEmailVerifiedAt != null
                && (o.Status == OrganisationStatus.AwaitingModeration || o.Status == OrganisationStatus.ChangesRequested || o.Status == OrganisationStatus.Published))
            .OrderBy(o => o.Name)
            .ToListAsync(cancellationToken);
        if (listings.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hour = now.UtcDateTime.ToString("yyyy-MM-ddTHH", System.Globalization.CultureInfo.InvariantCulture);
        if (!await Occurrences.TryClaimAsync(db, EditLinkOccurrenceKind, $"{contactEmail}/{hour}", now, cancellationToken))
        {
            return;
        }

        foreach (var organisation in listings)
        {
            outbox.Enqueue(new OrganisationEditLinkEmail(contactEmail, organisation.Name, links.Edit(baseUri, organisation)).ToMessage());
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The partnerships whose coordinators moderate a listing: those of its council areas (none for a listing
    /// covering all of Scotland, which CJS staff moderate, though any coordinator may act on it).</summary>
    public IQueryable<int> ModeratingPartnershipIds(int organisationId) =>
        db.OrganisationAreas.Where(a => a.OrganisationId == organisationId).Select(a => a.CouncilArea.PartnershipId);

    /// <summary>Whether the signed-in user may moderate the listing: CJS staff and administrators any; a coordinator
    /// one in an area of a partnership they look after, or one covering all of Scotland.</summary>
    public async Task<bool> CanModerateAsync(int organisationId, Guid userId, bool national, CancellationToken cancellationToken = default)
    {
        if (national)
        {
            return true;
        }

        return await db.Organisations.AnyAsync(
            o => o.Id == organisationId
                && (o.CoversAllOfScotland
                    || o.Areas.Any(a => db.PartnershipCoordinators.Any(pc => pc.UserId == userId && pc.PartnershipId == a.CouncilArea.PartnershipId))),
            cancellationToken);
    }

    private async Task NotifyModeratorsAsync(Organisation organisation, Uri baseUri, bool resubmitted, CancellationToken cancellationToken)
    {
        // Active accounts only (ActiveRecipients' rule): an invitation nobody took up cannot moderate anything.
        var now = clock.GetUtcNow();
        var partnershipIds = ModeratingPartnershipIds(organisation.Id);
        var active = db.Users.Where(ActiveRecipients.IsActive(now)).Select(u => u.Id);
        var coordinators = await db.PartnershipCoordinators.Where(pc => partnershipIds.Contains(pc.PartnershipId) && active.Contains(pc.UserId))
            .Select(pc => pc.User!.Email!).ToListAsync(cancellationToken);
        var addresses = coordinators.Concat(await ActiveRecipients.CjsStaffAsync(db, now, cancellationToken)).Distinct().ToList();
        var where = organisation.CoversAllOfScotland
            ? "all of Scotland"
            : InvitationEmail.Listed(await db.OrganisationAreas.Where(a => a.OrganisationId == organisation.Id)
                .Select(a => a.CouncilArea.Name).OrderBy(n => n).ToListAsync(cancellationToken));
        var link = new Uri(baseUri, OrganisationLinks.ModerationPath(organisation.Id));
        foreach (var address in addresses.Order(StringComparer.Ordinal))
        {
            outbox.Enqueue(new OrganisationModerationRequestEmail(address, organisation.Name, where, link, resubmitted).ToMessage());
        }
    }
}

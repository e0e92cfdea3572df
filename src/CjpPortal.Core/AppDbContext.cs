using CjpPortal.Core.Audit;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Email;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Organisations;
using CjpPortal.Core.Problems;
using CjpPortal.Core.Scheduling;
using CjpPortal.Core.Subscriptions;
using CjpPortal.Core.Updates;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core;

public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<CouncilArea> CouncilAreas => Set<CouncilArea>();
    public DbSet<Place> Places => Set<Place>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ThirdSectorInterface> ThirdSectorInterfaces => Set<ThirdSectorInterface>();
    public DbSet<EngagementRoute> EngagementRoutes => Set<EngagementRoute>();
    public DbSet<Cjoip> Cjoips => Set<Cjoip>();
    public DbSet<ParticipationStatement> ParticipationStatements => Set<ParticipationStatement>();
    public DbSet<AnnualReturn> AnnualReturns => Set<AnnualReturn>();
    public DbSet<ReturnStageEngagement> ReturnStageEngagements => Set<ReturnStageEngagement>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();
    public DbSet<PartnershipCoordinator> PartnershipCoordinators => Set<PartnershipCoordinator>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<OutboxEmail> EmailOutbox => Set<OutboxEmail>();
    public DbSet<SuppressedAddress> SuppressedAddresses => Set<SuppressedAddress>();
    public DbSet<ForumUpdate> ForumUpdates => Set<ForumUpdate>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ScheduledOccurrence> ScheduledOccurrences => Set<ScheduledOccurrence>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationArea> OrganisationAreas => Set<OrganisationArea>();
    public DbSet<OrganisationService> OrganisationServices => Set<OrganisationService>();
    public DbSet<OrganisationServiceArea> OrganisationServiceAreas => Set<OrganisationServiceArea>();
    public DbSet<DirectoryEdition> DirectoryEditions => Set<DirectoryEdition>();
    public DbSet<DirectoryEditionRow> DirectoryEditionRows => Set<DirectoryEditionRow>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<SubscriberPartnership> SubscriberPartnerships => Set<SubscriberPartnership>();
    public DbSet<UnsubscribedAddress> UnsubscribedAddresses => Set<UnsubscribedAddress>();
    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();
    public DbSet<ProblemReport> ProblemReports => Set<ProblemReport>();

    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every instance of the portal.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        Collations.Apply(builder);
        // Trigram similarity for finding partnerships from misspelt names (Web/Queries/AreaSearch).
        builder.HasPostgresExtension("pg_trgm");
        IdentityTableNames.Apply(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core;

public class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<CouncilArea> CouncilAreas => Set<CouncilArea>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ThirdSectorInterface> ThirdSectorInterfaces => Set<ThirdSectorInterface>();
    public DbSet<EngagementRoute> EngagementRoutes => Set<EngagementRoute>();
    public DbSet<Cjoip> Cjoips => Set<Cjoip>();
    public DbSet<ParticipationStatement> ParticipationStatements => Set<ParticipationStatement>();
    public DbSet<AnnualReturn> AnnualReturns => Set<AnnualReturn>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

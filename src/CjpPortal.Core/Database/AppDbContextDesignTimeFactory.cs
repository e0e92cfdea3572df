using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CjpPortal.Core.Database;

/// <summary>Lets <c>dotnet ef</c> build the context with the portal's options without starting the web host:
/// <c>dotnet ef migrations add Name --project src/CjpPortal.Core</c>. Adding a migration opens no connection; commands
/// that do (database update) use ConnectionStrings__Default, else the local development database.</summary>
public sealed class AppDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    private const string LocalDevelopment = "Host=127.0.0.1;Port=5433;Username=postgres;Database=cjp_dev";

    public AppDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default") is { Length: > 0 } configured
            ? configured
            : LocalDevelopment;
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        return new AppDbContext(options.Options);
    }
}

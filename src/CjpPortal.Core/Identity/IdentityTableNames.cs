using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Identity;

/// <summary>Gives the ASP.NET Core Identity tables snake_case names like the rest of the schema. Identity names its
/// tables and three of its indexes itself (AspNetUsers, "UserNameIndex", ...), and names set in code win over the
/// naming convention, so those are renamed here; columns, keys and foreign keys follow the convention.</summary>
public static class IdentityTableNames
{
    private static readonly Dictionary<Type, string> Tables = new()
    {
        [typeof(ApplicationUser)] = "users",
        [typeof(IdentityRole<Guid>)] = "roles",
        [typeof(IdentityUserRole<Guid>)] = "user_roles",
        [typeof(IdentityUserClaim<Guid>)] = "user_claims",
        [typeof(IdentityUserLogin<Guid>)] = "user_logins",
        [typeof(IdentityUserToken<Guid>)] = "user_tokens",
        [typeof(IdentityRoleClaim<Guid>)] = "role_claims",
    };

    public const string UserNormalizedUserName = "ix_users_normalized_user_name";
    public const string UserNormalizedEmail = "ix_users_normalized_email";
    public const string RoleNormalizedName = "ix_roles_normalized_name";

    public static void Apply(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var (clrType, table) in Tables)
        {
            var entity = modelBuilder.Model.FindEntityType(clrType)
                ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
            entity.SetTableName(table);
        }

        modelBuilder.Entity<ApplicationUser>(users =>
        {
            users.HasIndex(u => u.NormalizedUserName).HasDatabaseName(UserNormalizedUserName);
            users.HasIndex(u => u.NormalizedEmail).HasDatabaseName(UserNormalizedEmail);
        });
        modelBuilder.Entity<IdentityRole<Guid>>().HasIndex(r => r.NormalizedName).HasDatabaseName(RoleNormalizedName);
    }
}

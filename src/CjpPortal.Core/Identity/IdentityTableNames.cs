using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CjpPortal.Core.Identity;

/// <summary>Gives the ASP.NET Core Identity tables snake_case table, column, key and index names like the rest of the
/// schema, in place of Identity's defaults (AspNetUsers, "UserNameIndex", ...).</summary>
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
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            entity.FindPrimaryKey()!.SetName($"pk_{table}");
        }

        foreach (var (clrType, table) in Tables)
        {
            var entity = modelBuilder.Model.FindEntityType(clrType)!;
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                var principal = foreignKey.PrincipalEntityType.GetTableName();
                foreignKey.SetConstraintName($"fk_{table}_{principal}_{Columns(foreignKey.Properties)}");
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"ix_{table}_{Columns(index.Properties)}");
            }
        }
    }

    private static string Columns(IEnumerable<IReadOnlyProperty> properties) =>
        string.Join('_', properties.Select(p => SnakeCase(p.Name)));

    /// <summary>"NormalizedUserName" → "normalized_user_name".</summary>
    public static string SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}

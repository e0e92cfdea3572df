using CjpPortal.Core.Database;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CjpPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class AccountChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("fn_notify_account_change_v1.sql"));
            migrationBuilder.Sql(SqlScripts.Read("trg_notify_account_change_v1.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS users_notify_account_change ON users;
                DROP TRIGGER IF EXISTS users_deleted_notify_account_change ON users;
                DROP TRIGGER IF EXISTS users_truncated_notify_account_change ON users;
                DROP TRIGGER IF EXISTS user_roles_notify_account_change ON user_roles;
                DROP TRIGGER IF EXISTS user_roles_truncated_notify_account_change ON user_roles;
                DROP TRIGGER IF EXISTS partnership_coordinators_notify_account_change ON partnership_coordinators;
                DROP TRIGGER IF EXISTS partnership_coordinators_truncated_notify_account_change ON partnership_coordinators;
                DROP FUNCTION IF EXISTS notify_account_change();
                """);
        }
    }
}

using CjpPortal.Core.Database;

namespace CjpPortal.UnitTests.Database;

public sealed class SqlScriptsTests
{
    [Fact]
    public void Read_AppendOnlyTriggerScripts_ReturnTheirSql()
    {
        // Act
        var function = SqlScripts.Read("fn_audit_entries_append_only_v1.sql");
        var trigger = SqlScripts.Read("trg_audit_entries_append_only_v1.sql");

        // Assert
        Assert.Contains("CREATE OR REPLACE FUNCTION audit_entries_append_only()", function, StringComparison.Ordinal);
        Assert.Contains("CREATE OR REPLACE TRIGGER audit_entries_append_only", trigger, StringComparison.Ordinal);
    }

    [Fact]
    public void All_EmbeddedScripts_AreVersionedSqlFiles()
    {
        // Act
        var names = SqlScripts.All();

        // Assert: a changed definition is a new file (name_v2.sql), so every name carries its version
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Matches(@"^[a-z0-9_]+_v[0-9]+\.sql$", name));
    }

    [Fact]
    public void Read_UnknownScript_Throws()
    {
        // Act
        var error = Record.Exception(() => SqlScripts.Read("missing_v1.sql"));

        // Assert
        Assert.IsType<InvalidOperationException>(error);
        Assert.Contains("missing_v1.sql", error.Message, StringComparison.Ordinal);
    }
}

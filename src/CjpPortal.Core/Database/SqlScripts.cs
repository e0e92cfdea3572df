namespace CjpPortal.Core.Database;

/// <summary>SQL that the EF model cannot express (functions, triggers), kept as files in Database/Sql embedded in this
/// assembly and applied from migrations with <c>migrationBuilder.Sql(SqlScripts.Read("fn_name_v1.sql"))</c>. A file
/// never changes once a migration applies it: a new definition is a new file with the next version (<c>_v2</c>) and a
/// new migration, so replaying the migrations on an empty database still builds every step as it was.</summary>
public static class SqlScripts
{
    private const string ResourcePrefix = "CjpPortal.Core.Database.Sql.";

    /// <summary>The text of <paramref name="fileName"/> from Database/Sql.</summary>
    public static string Read(string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        using var stream = typeof(SqlScripts).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"No SQL script {fileName} is embedded: add it to src/CjpPortal.Core/Database/Sql.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Every embedded script's file name.</summary>
    public static IReadOnlyList<string> All() =>
        [.. typeof(SqlScripts).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => name[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal)];
}

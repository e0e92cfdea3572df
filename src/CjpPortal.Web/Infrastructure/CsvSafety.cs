namespace CjpPortal.Web.Infrastructure;

public static class CsvSafety
{
    /// <summary>Spreadsheets run cells starting with = + - @ (or tab / carriage return) as formulas; a leading
    /// apostrophe makes them text (OWASP CSV injection guidance).</summary>
    public static string Neutralise(string? value) =>
        string.IsNullOrEmpty(value) || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r')
            ? value ?? string.Empty
            : "'" + value;
}

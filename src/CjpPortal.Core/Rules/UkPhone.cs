namespace CjpPortal.Core.Rules;

/// <summary>UK telephone numbers as people type them: 01324 506000, (0131) 496 0000, +44 7700 900123.</summary>
public static class UkPhone
{
    /// <summary>True for a UK number: after removing spaces, hyphens and brackets, 0 (or +44) and then 9 or 10 digits
    /// not starting with 0.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var compact = new string([.. value.Where(c => c is not (' ' or '-' or '(' or ')'))]);
        var national = compact.StartsWith("+44", StringComparison.Ordinal) ? compact[3..].TrimStart('0')
            : compact.StartsWith('0') ? compact[1..]
            : null;
        return national is { Length: 9 or 10 } && national.All(char.IsAsciiDigit) && national[0] != '0';
    }
}

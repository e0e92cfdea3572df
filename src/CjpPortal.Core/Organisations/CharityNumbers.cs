using System.Text.RegularExpressions;

namespace CjpPortal.Core.Organisations;

/// <summary>Scottish charity numbers as the OSCR register writes them: "SC" and six digits (SC012345).</summary>
public static partial class CharityNumbers
{
    /// <summary>The number as stored: spaces removed, letters upper-cased ("sc 012 345" → "SC012345"); null when blank.</summary>
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    /// <summary>Whether <paramref name="normalised"/> (from <see cref="Normalise"/>) is a well-formed number.</summary>
    public static bool IsValid(string? normalised) => normalised is not null && Pattern().IsMatch(normalised);

    [GeneratedRegex("^SC[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

namespace CjpPortal.Web.Infrastructure;

/// <summary>The one rule for what the open-data CSV neutralises (OWASP CSV injection). Spreadsheets run a cell as a
/// formula when it starts with = + - @ (or a tab or carriage return); a leading apostrophe makes it text. A phone
/// number such as "+44 1324 506070" is left as typed: made of digits, spaces, brackets and hyphens only, it can call
/// no function and reach no other cell or program, and an apostrophe would spoil it for every reuser of the data.</summary>
public static class CsvSafety
{
    /// <summary>Fewest and most digits counted as a phone number: a short code such as "+1 555" is not one, and E.164
    /// allows 15 digits, plus the trunk "(0)" some people write after +44.</summary>
    private const int MinPhoneDigits = 7;
    private const int MaxPhoneDigits = 16;

    public static string Neutralise(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : RunsAsFormula(value) ? "'" + value : value;

    /// <summary>True when a spreadsheet would take <paramref name="value"/> as a formula that could do harm.</summary>
    public static bool RunsAsFormula(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value[0] switch
        {
            '=' or '@' or '\t' or '\r' => true,
            '+' or '-' => !IsPhoneNumber(value.AsSpan(1)),
            _ => false,
        };
    }

    private static bool IsPhoneNumber(ReadOnlySpan<char> number)
    {
        if (number.IsEmpty || !char.IsAsciiDigit(number[0]))
        {
            return false;
        }

        var digits = 0;
        foreach (var c in number)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (' ' or '(' or ')' or '-'))
            {
                return false;
            }
        }

        return digits is >= MinPhoneDigits and <= MaxPhoneDigits;
    }
}

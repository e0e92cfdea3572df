namespace CjpPortal.Core.Rules;

/// <summary>Whether what someone typed is a slip of the keyboard for a name: letters swapped, left out, doubled or
/// wrong, or a space in a compound ("Aberdeen shire"). The database shortlists candidates by trigram similarity; this
/// rule decides, because trigrams alone cannot tell "Falkrik" (similarity 0.33 to Falkirk) from "Cambridge" (0.40 to
/// Coatbridge).</summary>
public static class Spelling
{
    /// <summary>Edits allowed for a typed name of this many letters: none up to 4 ("Alba" is not "Alva", "Hull" not
    /// "Mull"), one up to 9 ("Cambridge" is not "Coatbridge"), two from 10. Tuned on the lists of misspellings and
    /// near-miss words in the /find tests.</summary>
    public static int AllowedEdits(int letters) => letters switch
    {
        <= 4 => 0,
        <= 9 => 1,
        _ => 2,
    };

    /// <summary>True when <paramref name="typed"/>, compared by the letters and digits of its words other than
    /// "council", "community justice" and the like, is within
    /// <see cref="AllowedEdits"/> of <paramref name="name"/>.</summary>
    public static bool IsLikelyMisspelling(string typed, string name) => Distance(typed, name) is { } distance && distance <= AllowedEdits(Letters(typed).Length);

    /// <summary>The edit distance between the two names' letters and digits, or null when one of them has none.</summary>
    public static int? Distance(string typed, string name)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(name);
        var a = Letters(typed);
        var b = Letters(name);
        return a.Length == 0 || b.Length == 0 ? null : EditDistance(a, b);
    }

    /// <summary>Insertions, deletions, substitutions and swaps of two neighbouring letters needed to turn one string
    /// into the other (optimal string alignment distance).</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Lower-case letters and digits of the words that matter ("Falkirk Council" is "falkirk"), without
    /// accents.</summary>
    private static string Letters(string text) => new([.. AreaMatcher.CoreOf(text).Where(char.IsLetterOrDigit)]);
}

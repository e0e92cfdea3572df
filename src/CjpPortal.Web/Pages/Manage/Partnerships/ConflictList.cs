using CjpPortal.Core.Audit;
using CjpPortal.Web.Infrastructure;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>What someone else saved while this form was open, as lines for the conflict message.</summary>
public sealed class ConflictList : List<string>
{
    public void Compare(string label, string? stored, string? yours)
    {
        if (stored != yours)
        {
            Add($"{label} is now {FormPages.Shown(stored)} (you entered {FormPages.Shown(yours)})");
        }
    }

    /// <summary>One field of a form whose record someone else saved after it was opened, merged three ways against
    /// <paramref name="originals"/> (the values the form was filled from, <see cref="FormOriginals"/>): a field this
    /// person left as it was takes the stored value; a field only this person changed keeps theirs; a field both
    /// changed, to different values, is a conflict (listed, and this person's value kept for the re-rendered form).
    /// Without the original value every difference is a conflict.</summary>
    public T Merge<T>(string label, IReadOnlyDictionary<string, string?> originals, string key, T stored, T yours, Func<T, string?>? shown = null)
    {
        ArgumentNullException.ThrowIfNull(originals);
        var storedText = HistoryCatalogue.StoredValue(stored);
        var yoursText = HistoryCatalogue.StoredValue(yours);
        if (storedText == yoursText)
        {
            return yours;
        }

        if (originals.TryGetValue(key, out var original))
        {
            original = string.IsNullOrEmpty(original) ? null : original;
            if (original == yoursText)
            {
                return stored;
            }

            if (original == storedText)
            {
                return yours;
            }
        }

        shown ??= value => HistoryCatalogue.StoredValue(value);
        Add($"{label} is now {FormPages.Shown(shown(stored))} (you entered {FormPages.Shown(shown(yours))})");
        return yours;
    }
}

/// <summary>The values an edit form was filled from, carried in hidden <c>Original[Field]</c> inputs, so a save
/// made after someone else's can tell which fields this person changed.</summary>
public static class FormOriginals
{
    /// <summary>The bound form field name of an original value.</summary>
    public static string FieldName(string key) => $"Original[{key}]";

    public static void Remember(this Dictionary<string, string?> originals, string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(originals);
        originals[key] = HistoryCatalogue.StoredValue(value);
    }
}

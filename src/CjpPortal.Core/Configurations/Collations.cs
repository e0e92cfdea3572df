using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Configurations;

/// <summary>Database collations the model declares.</summary>
public static class Collations
{
    /// <summary>ICU root collation compared at the secondary level: letters and accents count, case does not ("Fife"
    /// equals "FIFE", not "Fífe"). Nondeterministic, so a unique index in it refuses names that differ only by case.</summary>
    public const string CaseInsensitive = "case_insensitive";

    public static void Apply(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasCollation(CaseInsensitive, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
    }
}

namespace CjpPortal.Core.Organisations;

/// <summary>What an organisation or service does, from a list that does not assume it calls itself "community
/// justice". The numbers are stored; never renumber or reuse one.</summary>
public enum Theme
{
    VictimsAndWitnesses = 1,
    Families = 2,
    PeopleWithConvictions = 3,
    YoungPeople = 4,
    Women = 5,
    HousingAndHomelessness = 6,
    Employability = 7,
    AddictionsAndRecovery = 8,
    MentalHealth = 9,
    PhysicalHealth = 10,
    DomesticAbuse = 11,
    RestorativeJustice = 12,
    Advocacy = 13,
    Throughcare = 14,
    PovertyAndMoneyAdvice = 15,
    Other = 16,
}

/// <summary>A theme as people read it and as URLs and open data (the Open Referral UK taxonomy) name it.</summary>
public sealed record ThemeInfo(Theme Theme, string Slug, string Name);

/// <summary>The fixed list of themes, in the order forms and facets show them. Slugs are stable: they are the ids of
/// the portal's taxonomy terms in open data and appear in shared search URLs.</summary>
public static class Themes
{
    public static IReadOnlyList<ThemeInfo> All { get; } =
    [
        new(Theme.VictimsAndWitnesses, "victims-and-witnesses", "Victims and witnesses"),
        new(Theme.Families, "families", "Families"),
        new(Theme.PeopleWithConvictions, "people-with-convictions", "People with convictions"),
        new(Theme.YoungPeople, "young-people", "Young people"),
        new(Theme.Women, "women", "Women"),
        new(Theme.HousingAndHomelessness, "housing-and-homelessness", "Housing and homelessness"),
        new(Theme.Employability, "employability", "Employability"),
        new(Theme.AddictionsAndRecovery, "addictions-and-recovery", "Addictions and recovery"),
        new(Theme.MentalHealth, "mental-health", "Mental health"),
        new(Theme.PhysicalHealth, "physical-health", "Physical health"),
        new(Theme.DomesticAbuse, "domestic-abuse", "Domestic abuse"),
        new(Theme.RestorativeJustice, "restorative-justice", "Restorative justice"),
        new(Theme.Advocacy, "advocacy", "Advocacy"),
        new(Theme.Throughcare, "throughcare", "Throughcare"),
        new(Theme.PovertyAndMoneyAdvice, "poverty-and-money-advice", "Poverty and money advice"),
        new(Theme.Other, "other", "Other"),
    ];

    private static readonly Dictionary<Theme, ThemeInfo> ByTheme = All.ToDictionary(t => t.Theme);
    private static readonly Dictionary<string, ThemeInfo> BySlugs = All.ToDictionary(t => t.Slug, StringComparer.OrdinalIgnoreCase);

    public static ThemeInfo Of(Theme theme) => ByTheme[theme];

    public static string NameOf(Theme theme) => ByTheme.TryGetValue(theme, out var info) ? info.Name : theme.ToString();

    public static string SlugOf(Theme theme) => ByTheme[theme].Slug;

    /// <summary>The theme a slug names (ignoring case), or null.</summary>
    public static ThemeInfo? BySlug(string? slug) => slug is not null && BySlugs.TryGetValue(slug.Trim(), out var info) ? info : null;
}

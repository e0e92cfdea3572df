namespace CjpPortal.Core.Organisations;

/// <summary>Builds the text search reads for a listing and its services. Theme names are included so "mental health"
/// finds a listing that only ticked the theme. Call it before saving whenever a field it reads changes.</summary>
public static class OrganisationSearchText
{
    public static void Refresh(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        foreach (var service in organisation.Services)
        {
            Refresh(service, organisation.Name);
        }

        var parts = new List<string?> { organisation.Name, organisation.Description };
        parts.AddRange(organisation.Themes.Select(Themes.NameOf));
        foreach (var service in organisation.Services)
        {
            parts.Add(service.Name);
            parts.Add(service.Description);
            parts.Add(service.WhoItIsFor);
            parts.AddRange(service.Themes.Select(Themes.NameOf));
        }

        organisation.SearchText = Join(parts, Organisation.SearchTextMaxLength);
    }

    public static void Refresh(OrganisationService service, string organisationName)
    {
        ArgumentNullException.ThrowIfNull(service);
        var parts = new List<string?> { service.Name, service.Description, service.WhoItIsFor, organisationName };
        parts.AddRange(service.Themes.Select(Themes.NameOf));
        service.SearchText = Join(parts, OrganisationService.SearchTextMaxLength);
    }

    private static string Join(IEnumerable<string?> parts, int maxLength)
    {
        var text = string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).Distinct(StringComparer.Ordinal));
        return text.Length <= maxLength ? text : text[..maxLength];
    }
}

namespace CjpPortal.Core.Rules;

public enum MainContactKind
{
    Coordinator = 1,
    Fallback = 2,
    ThirdSectorInterface = 3,
    None = 4,
}

/// <summary>Who a third-sector worker should contact first.</summary>
public sealed record MainContact(MainContactKind Kind, string Name, string? Role, string? Email, string? Phone)
{
    public static readonly MainContact None = new(MainContactKind.None, "No contact published", null, null, null);

    public string KindLabel => Kind switch
    {
        MainContactKind.Coordinator => "Community Justice Coordinator",
        MainContactKind.Fallback => "Contact while the coordinator post is vacant",
        MainContactKind.ThirdSectorInterface => "Third Sector Interface",
        _ => "No contact",
    };
}

public sealed record ContactCandidate(int Id, string Name, string Role, bool IsCoordinator, bool IsPublished, string? Email, string? Phone, int DisplayOrder);

public sealed record TsiCandidate(string Name, string? Email, string? Phone);

public static class MainContactRule
{
    /// <summary>The published coordinator; when the post is vacant (or no coordinator is published) the fallback
    /// contact; failing that another published contact; failing that the first Third Sector Interface.</summary>
    public static MainContact Choose(bool coordinatorPostVacant, int? fallbackContactId, IReadOnlyList<ContactCandidate> contacts, IReadOnlyList<TsiCandidate> tsis)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(tsis);
        var published = contacts.Where(c => c.IsPublished).OrderBy(c => c.DisplayOrder).ThenBy(c => c.Id).ToList();

        if (!coordinatorPostVacant && published.FirstOrDefault(c => c.IsCoordinator) is { } coordinator)
        {
            return new MainContact(MainContactKind.Coordinator, coordinator.Name, coordinator.Role, coordinator.Email, coordinator.Phone);
        }

        var fallback = published.FirstOrDefault(c => c.Id == fallbackContactId)
            ?? published.FirstOrDefault(c => !c.IsCoordinator);
        if (fallback is not null)
        {
            return new MainContact(MainContactKind.Fallback, fallback.Name, fallback.Role, fallback.Email, fallback.Phone);
        }

        return tsis.Count > 0
            ? new MainContact(MainContactKind.ThirdSectorInterface, tsis[0].Name, null, tsis[0].Email, tsis[0].Phone)
            : MainContact.None;
    }
}

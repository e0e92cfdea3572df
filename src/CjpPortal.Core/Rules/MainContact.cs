namespace CjpPortal.Core.Rules;

public enum MainContactKind
{
    Coordinator = 1,
    Fallback = 2,
    ThirdSectorInterface = 3,
    None = 4,

    /// <summary>Another published contact, shown first while the post is filled but no coordinator is published.</summary>
    OtherContact = 5,
}

/// <summary>Who a third-sector worker should contact first.</summary>
public sealed record MainContact(MainContactKind Kind, string Name, string? Role, string? Email, string? Phone)
{
    public static readonly MainContact None = new(MainContactKind.None, "No contact published", null, null, null);

    public string KindLabel => Kind switch
    {
        MainContactKind.Coordinator => "Community Justice Coordinator",
        MainContactKind.Fallback => "Contact while the coordinator post is vacant",
        MainContactKind.OtherContact => "Main contact",
        MainContactKind.ThirdSectorInterface => "Third Sector Interface",
        _ => "No contact",
    };

    /// <summary>The role, unless it only repeats <see cref="KindLabel"/> ("Community Justice Coordinator" twice).</summary>
    public string? RoleUnlessRepeated =>
        Role is not null && string.Equals(Role.Trim(), KindLabel, StringComparison.OrdinalIgnoreCase) ? null : Role;
}

public sealed record ContactCandidate(int Id, string Name, string Role, bool IsCoordinator, bool IsPublished, string? Email, string? Phone, int DisplayOrder);

public sealed record TsiCandidate(string Name, string? Email, string? Phone);

public static class MainContactRule
{
    /// <summary>While the post is vacant, the chosen fallback contact if it is published and nobody else (a fallback
    /// that is hidden or missing gives way to the first Third Sector Interface, never to another person). While the
    /// post is filled, the published coordinator; if no coordinator is published, the chosen fallback or else the first
    /// other published contact, labelled as a plain main contact (the post is not vacant).</summary>
    public static MainContact Choose(bool coordinatorPostVacant, int? fallbackContactId, IReadOnlyList<ContactCandidate> contacts, IReadOnlyList<TsiCandidate> tsis)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(tsis);
        var published = contacts.Where(c => c.IsPublished).OrderBy(c => c.DisplayOrder).ThenBy(c => c.Id).ToList();
        var fallback = published.FirstOrDefault(c => c.Id == fallbackContactId);

        if (coordinatorPostVacant)
        {
            if (fallback is not null)
            {
                return new MainContact(MainContactKind.Fallback, fallback.Name, fallback.Role, fallback.Email, fallback.Phone);
            }
        }
        else if (published.FirstOrDefault(c => c.IsCoordinator) is { } coordinator)
        {
            return new MainContact(MainContactKind.Coordinator, coordinator.Name, coordinator.Role, coordinator.Email, coordinator.Phone);
        }
        else if ((fallback ?? published.FirstOrDefault()) is { } other)
        {
            return new MainContact(MainContactKind.OtherContact, other.Name, other.Role, other.Email, other.Phone);
        }

        return tsis.Count > 0
            ? new MainContact(MainContactKind.ThirdSectorInterface, tsis[0].Name, null, tsis[0].Email, tsis[0].Phone)
            : MainContact.None;
    }
}

namespace CjpPortal.Core.Organisations;

/// <summary>Where a listing is on its way to the public directory. The numbers are stored.</summary>
public enum OrganisationStatus
{
    /// <summary>Added, its contact e-mail not yet verified by link; nobody but the sender sees it.</summary>
    PendingVerification = 1,

    /// <summary>Verified, waiting for a coordinator of one of its areas (or CJS staff) to approve it.</summary>
    AwaitingModeration = 2,

    /// <summary>A moderator asked for changes (<see cref="Organisation.ModerationReason"/>); back to moderation once edited.</summary>
    ChangesRequested = 3,

    /// <summary>In the public directory and in open data.</summary>
    Published = 4,

    /// <summary>Refused (<see cref="Organisation.ModerationReason"/>); not shown.</summary>
    Rejected = 5,
}

public static class OrganisationStatusLabels
{
    public static string Of(OrganisationStatus status) => status switch
    {
        OrganisationStatus.PendingVerification => "Waiting for e-mail verification",
        OrganisationStatus.AwaitingModeration => "Waiting for approval",
        OrganisationStatus.ChangesRequested => "Changes requested",
        OrganisationStatus.Published => "Published",
        OrganisationStatus.Rejected => "Rejected",
        _ => status.ToString(),
    };
}

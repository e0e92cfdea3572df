namespace CjpPortal.Core.Domain;

/// <summary>Plain-English names shown to users for the domain's enumerations.</summary>
public static class Labels
{
    public static string Of(EngagementRouteKind kind) => kind switch
    {
        EngagementRouteKind.BoardRepresentation => "Representation on the partnership board",
        EngagementRouteKind.LocalForum => "Local third-sector forum",
        EngagementRouteKind.ThematicGroup => "Thematic working group",
        EngagementRouteKind.Event => "Event",
        EngagementRouteKind.Consultation => "Consultation",
        EngagementRouteKind.Contractual => "Commissioned services",
        EngagementRouteKind.ParticipatoryBudgeting => "Participatory budgeting",
        EngagementRouteKind.ProjectInvolvement => "Project involvement",
        EngagementRouteKind.Matac => "MATAC (domestic abuse)",
        EngagementRouteKind.ReleasePlanning => "Release planning meetings",
        _ => kind.ToString(),
    };

    public static bool IsStrategic(EngagementRouteKind kind) => (int)kind < 10;

    public static string Of(BoardRepresentationKind kind) => kind switch
    {
        BoardRepresentationKind.ViaThirdSectorInterface => "through the Third Sector Interface",
        BoardRepresentationKind.ViaForumRepresentatives => "through representatives of the local forum",
        BoardRepresentationKind.IndividualProviders => "by individual service providers",
        _ => "other arrangement",
    };

    public static string Of(MeetingFormat format) => format switch
    {
        MeetingFormat.Online => "Online",
        MeetingFormat.InPerson => "In person",
        MeetingFormat.Blended => "Online and in person",
        _ => format.ToString(),
    };

    public static string Of(CjoipStatus status) => status switch
    {
        CjoipStatus.Draft => "Draft",
        CjoipStatus.Consultation => "Out for consultation",
        CjoipStatus.Published => "Published",
        CjoipStatus.Superseded => "Superseded",
        _ => status.ToString(),
    };
}

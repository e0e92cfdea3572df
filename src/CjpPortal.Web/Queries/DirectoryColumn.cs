namespace CjpPortal.Web.Queries;

/// <summary>The columns of the directory table after the partnership's name. The directory shows them across, one row per
/// partnership; /compare shows them down, one column per partnership; both render a cell with Pages/Shared/_DirectoryCell.</summary>
public enum DirectoryColumn
{
    CouncilAreas,
    MainContact,
    ThirdSectorInterface,
    BoardRepresentation,
    Forums,
    ThematicGroups,
    Events,
    Consultations,
    CurrentPlan,
    ParticipationStatement,
    AnnualReport,
    LastConfirmed,
}

/// <summary>One cell of the directory table: a partnership's row and the column to show.</summary>
public sealed record DirectoryCell(DirectoryRow Row, DirectoryColumn Column);

public static class DirectoryColumns
{
    public static IReadOnlyList<(DirectoryColumn Column, string Heading)> All { get; } =
    [
        (DirectoryColumn.CouncilAreas, "Council areas"),
        (DirectoryColumn.MainContact, "Main contact"),
        (DirectoryColumn.ThirdSectorInterface, "Third Sector Interface"),
        (DirectoryColumn.BoardRepresentation, "Third-sector board representation"),
        (DirectoryColumn.Forums, "Local forums"),
        (DirectoryColumn.ThematicGroups, "Thematic groups"),
        (DirectoryColumn.Events, "Events"),
        (DirectoryColumn.Consultations, "Consultations"),
        (DirectoryColumn.CurrentPlan, "Current plan (CJOIP)"),
        (DirectoryColumn.ParticipationStatement, "Participation statement"),
        (DirectoryColumn.AnnualReport, "Latest annual report"),
        (DirectoryColumn.LastConfirmed, "Last confirmed"),
    ];
}

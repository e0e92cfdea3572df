using CjpPortal.Core.Problems;

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

    public static string Of(ProblemKind kind) => kind switch
    {
        ProblemKind.ContactDetailsWrong => "The contact details are wrong",
        ProblemKind.NoResponse => "Nobody responded when I got in touch",
        ProblemKind.RouteNoLongerExists => "A route or forum listed no longer exists",
        _ => "Something else",
    };

    public static bool IsStrategic(EngagementRouteKind kind) => (int)kind < 10;

    public static string Of(BoardRepresentationKind kind) => kind switch
    {
        BoardRepresentationKind.ViaThirdSectorInterface => "through the Third Sector Interface",
        BoardRepresentationKind.ViaForumRepresentatives => "through representatives of the local forum",
        BoardRepresentationKind.IndividualProviders => "by individual service providers",
        _ => "other arrangement",
    };

    /// <summary>A plan's period as people say it: "2023 to 2028".</summary>
    public static string PlanPeriod(DateOnly start, DateOnly end) => $"{start.Year} to {end.Year}";

    public static string PlanPeriod(Cjoip plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return PlanPeriod(plan.PeriodStart, plan.PeriodEnd);
    }

    public static string Of(MeetingFormat format) => format switch
    {
        MeetingFormat.Online => "Online",
        MeetingFormat.InPerson => "In person",
        MeetingFormat.Blended => "Online and in person",
        _ => format.ToString(),
    };

    /// <summary>"PDF", "DOCX", "ODT", as the upload's hint and errors name them.</summary>
    public static string Of(DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => "PDF",
        DocumentFormat.Docx => "DOCX",
        DocumentFormat.Odt => "ODT",
        _ => format.ToString(),
    };

    /// <summary>"a PDF", "a DOCX", "an ODT".</summary>
    public static string WithArticle(DocumentFormat format) => (format == DocumentFormat.Odt ? "an " : "a ") + Of(format);
    /// <summary>A stage of the commissioning cycle, capitalised ("Analyse").</summary>
    public static string Of(CommissioningStage stage) => stage switch
    {
        CommissioningStage.Analyse => "Analyse",
        CommissioningStage.Plan => "Plan",
        CommissioningStage.Do => "Do",
        CommissioningStage.Review => "Review",
        _ => stage.ToString(),
    };

    public static string Of(ThirdSectorInvolvement involvement) => involvement switch
    {
        ThirdSectorInvolvement.Yes => "Yes",
        ThirdSectorInvolvement.Partly => "Partly",
        ThirdSectorInvolvement.No => "No",
        _ => involvement.ToString(),
    };
}

/// <summary>Plain-English names for the standings computed by the rules in <see cref="Rules"/>.</summary>
public static class StandingLabels
{
    public static string Of(Rules.PlanStage stage) => stage switch
    {
        Rules.PlanStage.Draft => "Draft",
        Rules.PlanStage.ConsultationPlanned => "Consultation planned",
        Rules.PlanStage.InConsultation => "Open for consultation",
        Rules.PlanStage.ConsultationClosed => "Consultation closed",
        Rules.PlanStage.Published => "Published",
        Rules.PlanStage.Superseded => "Superseded",
        _ => stage.ToString(),
    };

    public static string Of(Rules.ReturnStatus status) => status switch
    {
        Rules.ReturnStatus.NotYetDue => "Not yet due",
        Rules.ReturnStatus.Due => "Due",
        Rules.ReturnStatus.Overdue => "Overdue",
        Rules.ReturnStatus.Submitted => "Submitted",
        Rules.ReturnStatus.Published => "Published",
        _ => status.ToString(),
    };

    public static string Of(Rules.StatementStatus status) => status switch
    {
        Rules.StatementStatus.NoCurrentPlan => "No published plan",
        Rules.StatementStatus.Missing => "Not published",
        Rules.StatementStatus.Published => "Published",
        _ => status.ToString(),
    };

    public static string Of(Rules.CoordinatorAccountStatus status) => status switch
    {
        Rules.CoordinatorAccountStatus.None => "No account",
        Rules.CoordinatorAccountStatus.NotSetUp => "Invited, not set up",
        Rules.CoordinatorAccountStatus.Active => "Active",
        _ => status.ToString(),
    };

    public static string Of(Rules.CurrentPlanStanding standing) => standing switch
    {
        Rules.CurrentPlanStanding.None => "No published plan",
        Rules.CurrentPlanStanding.PeriodEnded => "Period ended",
        Rules.CurrentPlanStanding.Current => "Current",
        _ => standing.ToString(),
    };
}

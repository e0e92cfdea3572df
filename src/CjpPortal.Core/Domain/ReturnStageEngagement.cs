namespace CjpPortal.Core.Domain;

/// <summary>How far the third sector was involved in one stage of the commissioning cycle, as an annual return
/// records it.</summary>
public class ReturnStageEngagement
{
    public const int NoteMaxLength = 1000;

    public int AnnualReturnId { get; set; }
    public AnnualReturn AnnualReturn { get; set; } = null!;

    public CommissioningStage Stage { get; set; }
    public ThirdSectorInvolvement Involvement { get; set; }

    /// <summary>The kinds of engagement route used at this stage.</summary>
    public List<EngagementRouteKind> RouteKinds { get; set; } = [];

    /// <summary>Roughly how many third-sector organisations took part.</summary>
    public int? OrganisationCount { get; set; }

    public string? Note { get; set; }
}

/// <summary>The stages of the commissioning cycle, in order.</summary>
public enum CommissioningStage
{
    Analyse = 1,
    Plan = 2,
    Do = 3,
    Review = 4,
}

public enum ThirdSectorInvolvement
{
    Yes = 1,
    Partly = 2,
    No = 3,
}

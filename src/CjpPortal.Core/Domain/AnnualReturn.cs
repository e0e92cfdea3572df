using CjpPortal.Core.Audit;

namespace CjpPortal.Core.Domain;

/// <summary>A partnership's annual report to Community Justice Scotland for one reporting year.</summary>
public class AnnualReturn : IPartnershipOwned
{
    public const int PublishedReportLinkMaxLength = 500;

    public int Id { get; set; }
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;

    /// <summary>The calendar year in which the reporting year starts (2024 for 1 April 2024 to 31 March 2025).</summary>
    public int ReportingYearStart { get; set; }

    public DateOnly DueOn { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public string? PublishedReportLink { get; set; }
    public DateOnly? PublishedOn { get; set; }

    /// <summary>The published report as an uploaded file, when it is not a <see cref="PublishedReportLink"/>.</summary>
    public int? ReportDocumentId { get; set; }
    public Document? ReportDocument { get; set; }

    /// <summary>How many seats on the partnership board the third sector holds.</summary>
    public int? BoardThirdSectorSeats { get; set; }

    /// <summary>Third-sector involvement at each stage of the commissioning cycle (at most one row per stage).</summary>
    public ICollection<ReturnStageEngagement> StageEngagements { get; set; } = [];

    int? IPartnershipOwned.OwningPartnershipId => PartnershipId;
}

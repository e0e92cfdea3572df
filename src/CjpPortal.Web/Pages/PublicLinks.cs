using CjpPortal.Web.Infrastructure;

namespace CjpPortal.Web.Pages;

/// <summary>Links to the public pages, for the signed-in pages that point at them.</summary>
public sealed class PublicLinks(LinkGenerator generator) : PageLinks(generator)
{
    public string Partnership(string slug) => Page("/Partnerships/Show", new { slug });

    /// <summary>The form for reporting a problem with a partnership's page.</summary>
    public string ReportProblem(string slug) => Page("/ReportAProblem/Index", new { partnership = slug });

    public string ProblemReported(string slug) => Page("/ReportAProblem/Sent", new { partnership = slug });
}

using System.Net;
using System.Reflection;
using CjpPortal.TestCommon;
using CjpPortal.Web.Infrastructure.Documents;
using CjpPortal.Web.Pages;
using CjpPortal.Web.Pages.Admin;
using CjpPortal.Web.Pages.Manage;
using CjpPortal.Web.Pages.National;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>The typed link generators (<see cref="ManageLinks"/>, <see cref="NationalLinks"/>, ...) make every link
/// from a page name and its route: each method gives the address the portal has always used, and that address
/// reaches a page. A page that is renamed or moved fails here, not in front of a user.</summary>
[Collection(PortalCollection.Name)]
public sealed class LinkTests(PortalFixture fixture)
{
    private static readonly Guid Account = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    /// <summary>Every link method, called with slug "falkirk", id 7 and page 2.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["PublicLinks.Partnership"] = "/partnerships/falkirk",
        ["PublicLinks.ReportProblem"] = "/report-a-problem?partnership=falkirk",
        ["PublicLinks.ProblemReported"] = "/report-a-problem/sent?partnership=falkirk",
        ["PublicLinks.ReportOrganisationProblem"] = "/report-a-problem?organisation=7",
        ["PublicLinks.OrganisationProblemReported"] = "/report-a-problem/sent?organisation=7",
        ["ManageLinks.Problems"] = "/manage/problems?status=falkirk&page=2",
        ["ManageLinks.Problem"] = "/manage/problems/7",
        ["PublicLinks.Updates"] = "/updates?page=2",
        ["PublicLinks.PartnershipUpdates"] = "/partnerships/falkirk/updates?page=2",
        ["PublicLinks.Update"] = "/updates/7",
        ["PublicLinks.UpdateCalendar"] = "/updates/7.ics",
        ["PublicLinks.UpdatesFeed"] = "/updates.atom",
        ["PublicLinks.PartnershipUpdatesFeed"] = "/partnerships/falkirk/updates.atom",
        ["PublicLinks.Calendar"] = "/calendar.ics",
        ["PublicLinks.PartnershipCalendar"] = "/partnerships/falkirk/calendar.ics",
        ["ManageLinks.Home"] = "/manage",
        ["ManageLinks.Partnership"] = "/manage/partnerships/falkirk",
        ["ManageLinks.Details"] = "/manage/partnerships/falkirk/details",
        ["ManageLinks.Contacts"] = "/manage/partnerships/falkirk/contacts",
        ["ManageLinks.NewContact"] = "/manage/partnerships/falkirk/contacts/new",
        ["ManageLinks.EditContact"] = "/manage/partnerships/falkirk/contacts/7",
        ["ManageLinks.RemoveContact"] = "/manage/partnerships/falkirk/contacts/7/remove",
        ["ManageLinks.Routes"] = "/manage/partnerships/falkirk/routes",
        ["ManageLinks.NewRoute"] = "/manage/partnerships/falkirk/routes/new",
        ["ManageLinks.EditRoute"] = "/manage/partnerships/falkirk/routes/7",
        ["ManageLinks.DeleteRoute"] = "/manage/partnerships/falkirk/routes/7/delete",
        ["ManageLinks.Tsis"] = "/manage/partnerships/falkirk/tsis",
        ["ManageLinks.EditTsi"] = "/manage/partnerships/falkirk/tsis/7",
        ["ManageLinks.Documents"] = "/manage/partnerships/falkirk/documents",
        ["ManageLinks.History"] = "/manage/partnerships/falkirk/history?page=2",
        ["ManageLinks.Review"] = "/manage/partnerships/falkirk/review",
        ["ManageLinks.Reviewed"] = "/manage/partnerships/falkirk/review/confirmed",
        ["ManageLinks.Plans"] = "/manage/partnerships/falkirk/plans",
        ["ManageLinks.NewPlan"] = "/manage/partnerships/falkirk/plans/new",
        ["ManageLinks.EditPlan"] = "/manage/partnerships/falkirk/plans/7",
        ["ManageLinks.PublishPlan"] = "/manage/partnerships/falkirk/plans/7/publish",
        ["ManageLinks.DeletePlan"] = "/manage/partnerships/falkirk/plans/7/delete",
        ["ManageLinks.PlanStatement"] = "/manage/partnerships/falkirk/plans/7/statement",
        ["ManageLinks.Updates"] = "/manage/partnerships/falkirk/updates",
        ["ManageLinks.NewUpdate"] = "/manage/partnerships/falkirk/updates/new",
        ["ManageLinks.EditUpdate"] = "/manage/partnerships/falkirk/updates/7/edit",
        ["ManageLinks.PreviewUpdate"] = "/manage/partnerships/falkirk/updates/7",
        ["ManageLinks.DeleteUpdate"] = "/manage/partnerships/falkirk/updates/7/delete",
        ["ManageLinks.Returns"] = "/manage/partnerships/falkirk/returns",
        ["ManageLinks.Return"] = "/manage/partnerships/falkirk/returns/7",
        ["NationalLinks.Home"] = "/national",
        ["NationalLinks.Refresh"] = "/national/refresh",
        ["NationalLinks.RefreshEdition"] = "/national/refresh/edition",
        ["NationalLinks.Partnerships"] = "/national/partnerships",
        ["NationalLinks.Partnership"] = "/national/partnerships/falkirk",
        ["NationalLinks.RenamePartnership"] = "/national/partnerships/falkirk/name",
        ["NationalLinks.PartnershipAreas"] = "/national/partnerships/falkirk/areas",
        ["NationalLinks.Coordinators"] = "/national/coordinators?page=2",
        ["NationalLinks.Dashboard"] = "/national/dashboard",
        ["NationalLinks.DashboardRemind"] = "/national/dashboard/remind",
        ["NationalLinks.Engagement"] = "/national/engagement",
        ["NationalLinks.InviteCoordinator"] = "/national/coordinators/invite",
        ["NationalLinks.Coordinator"] = $"/national/coordinators/{Account}",
        ["NationalLinks.History"] = "/national/history?page=2",
        ["NationalLinks.Updates"] = "/national/updates",
        ["NationalLinks.NewUpdate"] = "/national/updates/new",
        ["NationalLinks.EditUpdate"] = "/national/updates/7/edit",
        ["NationalLinks.PreviewUpdate"] = "/national/updates/7",
        ["NationalLinks.DeleteUpdate"] = "/national/updates/7/delete",
        ["NationalLinks.Places"] = "/national/places",
        ["NationalLinks.NewPlace"] = "/national/places/new",
        ["NationalLinks.Place"] = "/national/places/7",
        ["AdminLinks.Home"] = "/admin",
        ["AdminLinks.Staff"] = "/admin/staff?page=2",
        ["AdminLinks.InviteStaff"] = "/admin/staff/invite",
        ["AdminLinks.StaffMember"] = $"/admin/staff/{Account}",
        ["AdminLinks.RemoveStaff"] = $"/admin/staff/{Account}/remove",
        ["DocumentLinks.Download"] = "/documents/7/falkirk",
        ["AdminLinks.Outbox"] = "/admin/outbox?status=Failed&page=2",
        ["AdminLinks.CancelMessage"] = "/admin/outbox/7/cancel",
        ["AdminLinks.Suppressions"] = "/admin/outbox/suppressions?page=2",
        ["AdminLinks.RemoveSuppression"] = "/admin/outbox/suppressions/7/remove",
    };

    private static readonly Type[] Generators = [typeof(PublicLinks), typeof(ManageLinks), typeof(NationalLinks), typeof(AdminLinks), typeof(DocumentLinks)];

    /// <summary>Links whose sample address names no record: a document that does not exist is a 404 by design (the
    /// document tests follow real ones).</summary>
    private static readonly string[] NotFoundBySample =
        ["DocumentLinks.Download", "PublicLinks.Update", "PublicLinks.UpdateCalendar", "PublicLinks.ReportOrganisationProblem", "PublicLinks.OrganisationProblemReported"];

    [Fact]
    public void Get_EveryLinkMethod_GivesTheAddressThePortalHasAlwaysUsed()
    {
        // Act
        var made = Links().ToDictionary(link => link.Name, link => link.Path, StringComparer.Ordinal);

        // Assert: a new method needs its expected address here, so it is tested too
        Assert.Equal(Expected.OrderBy(e => e.Key, StringComparer.Ordinal), made.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_EveryLinkMethod_ReachesAPage()
    {
        // Arrange: signed out, a page answers (200, or a redirect to sign in); only an address no page has is a 404
        using var client = fixture.CreateClient();

        // Act
        var answers = new List<string>();
        foreach (var (name, path) in Links())
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            answers.Add($"{name} {path} {(int)response.StatusCode}");
        }

        // Assert
        Assert.DoesNotContain(answers, answer => answer.EndsWith($" {(int)HttpStatusCode.NotFound}", StringComparison.Ordinal)
            && !NotFoundBySample.Contains(answer.Split(' ')[0], StringComparer.Ordinal));
        Assert.Equal(Expected.Count, answers.Count);
    }

    [Fact]
    public void Get_PagedListWithoutAPageNumber_IsTheListsOwnAddress()
    {
        // Arrange
        var services = fixture.Factory.Services;

        // Act
        var links = new[]
        {
            services.GetRequiredService<ManageLinks>().History("falkirk"),
            services.GetRequiredService<NationalLinks>().Coordinators(),
            services.GetRequiredService<NationalLinks>().History(),
            services.GetRequiredService<AdminLinks>().Staff(),
            services.GetRequiredService<AdminLinks>().Outbox(),
            services.GetRequiredService<AdminLinks>().Suppressions(),
        };

        // Assert
        Assert.Equal(["/manage/partnerships/falkirk/history", "/national/coordinators", "/national/history", "/admin/staff", "/admin/outbox", "/admin/outbox/suppressions"], links);
    }

    private IEnumerable<(string Name, string Path)> Links()
    {
        foreach (var type in Generators)
        {
            var generator = fixture.Factory.Services.GetRequiredService(type);
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.ReturnType == typeof(string)))
            {
                var arguments = method.GetParameters().Select(Sample).ToArray();
                yield return ($"{type.Name}.{method.Name}", (string)method.Invoke(generator, arguments)!);
            }
        }
    }

    private static object Sample(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(string) ? "falkirk"
        : parameter.ParameterType == typeof(int) ? 7
        : parameter.ParameterType == typeof(int?) ? 2
        : parameter.ParameterType == typeof(long) ? 7L
        : parameter.ParameterType == typeof(CjpPortal.Core.Email.OutboxEmailStatus?) ? CjpPortal.Core.Email.OutboxEmailStatus.Failed
        : parameter.ParameterType == typeof(Guid) ? Account
        : throw new InvalidOperationException($"No sample value for {parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}({parameter.Name}).");
}

using System.Globalization;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;

namespace CjpPortal.Core.Seed;

/// <summary>Fictional example content for demo mode. Names are obviously made up, e-mail addresses use the
/// reserved example.org domain and phone numbers come from Ofcom's ranges reserved for drama.</summary>
public static class DemoData
{
    /// <summary>Partnerships whose coordinator post is vacant in the demo, so the fallback contact shows.</summary>
    public static readonly IReadOnlySet<string> VacantCoordinatorSlugs = new HashSet<string>(StringComparer.Ordinal) { "western-isles", "orkney", "clackmannanshire" };

    private static readonly string[] FirstNames = ["Alex", "Jordan", "Morgan", "Robin", "Sam", "Jamie", "Casey", "Taylor", "Riley", "Drew"];
    private static readonly string[] Surnames = ["Example", "Sample", "Specimen", "Placeholder", "Demo"];

    public static void Populate(IReadOnlyList<Partnership> partnerships, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(partnerships);
        var latestEnded = ReportingYear.LatestEnded(today);
        var deadline = new AnnualReturnDeadline();

        for (var i = 0; i < partnerships.Count; i++)
        {
            var p = partnerships[i];
            var vacant = VacantCoordinatorSlugs.Contains(p.Slug);
            var areaNames = string.Join(" and ", p.CouncilAreas.OrderBy(a => a.Name).Select(a => a.Name));

            p.Website = $"https://{p.Slug}-cjp.example.org";
            p.GovernanceNotes = $"The partnership board meets quarterly and reports to the community planning partnership for {areaNames}.";
            p.CoordinatorPostVacant = vacant;
            p.LastConfirmedOn = i == partnerships.Count - 1 ? null : today.AddDays(-(i * 23 % 500));

            if (!vacant)
            {
                p.Contacts.Add(Person(i, 0, p.Slug, "Community Justice Coordinator", isCoordinator: true));
            }

            p.Contacts.Add(Person(i, 1, p.Slug, vacant ? "Third Sector Development Officer (covering while the coordinator post is vacant)" : "Community Justice Officer", isCoordinator: false));

            foreach (var area in p.CouncilAreas)
            {
                var areaSlug = Slug.From(area.Name);
                area.ThirdSectorInterface = new ThirdSectorInterface
                {
                    Name = $"{area.Name} Third Sector Interface",
                    Website = $"https://{areaSlug}-tsi.example.org",
                    Email = $"info@{areaSlug}-tsi.example.org",
                    Phone = Phone(i, 5 + int.Parse(area.GssCode[^2..], CultureInfo.InvariantCulture) % 5),
                };
            }

            AddRoutes(p, i);
            AddPlans(p, i, today);
            AddAnnualReturns(p, i, latestEnded, deadline);
        }
    }

    private static Contact Person(int i, int n, string slug, string role, bool isCoordinator)
    {
        var first = FirstNames[(i + n * 3) % FirstNames.Length];
        var last = Surnames[(i + n) % Surnames.Length];
        return new Contact
        {
            Name = $"{first} {last}",
            Role = role,
            IsCoordinator = isCoordinator,
            Email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@{slug}-cjp.example.org",
            Phone = Phone(i, n),
            IsPublished = true,
            DisplayOrder = n,
        };
    }

    // Ofcom reserves 0131 496 0000 to 0131 496 0999 for drama and examples.
    private static string Phone(int i, int n) => string.Create(CultureInfo.InvariantCulture, $"0131 496 0{(i * 10 + n) % 1000:D3}");

    private static void AddRoutes(Partnership p, int i)
    {
        var order = 0;
        p.EngagementRoutes.Add(new EngagementRoute
        {
            Kind = EngagementRouteKind.BoardRepresentation,
            RepresentationKind = (BoardRepresentationKind)(i % 3 + 1),
            Title = "Third-sector seat on the partnership board",
            Description = "Two places on the board are held for the third sector; representatives report back to the local forum.",
            HowToJoin = "Speak to the coordinator or the Third Sector Interface about the next election of representatives.",
            MeetingFrequency = "Quarterly",
            Format = MeetingFormat.Blended,
            DisplayOrder = order++,
        });
        p.EngagementRoutes.Add(new EngagementRoute
        {
            Kind = EngagementRouteKind.LocalForum,
            Title = "Community justice third-sector forum",
            Description = "An open forum for voluntary organisations working with people affected by the justice system, run by the Third Sector Interface.",
            HowToJoin = "E-mail the forum contact to be added to the mailing list; there is no membership fee.",
            ContactName = "Forum secretary",
            ContactEmail = $"forum@{p.Slug}-cjp.example.org",
            MeetingFrequency = (i % 4) switch
            {
                0 => "Every second Tuesday of the month, 10am to 12 noon",
                1 => "First Wednesday of every other month, 2pm to 4pm",
                2 => "Quarterly, Thursday mornings",
                _ => "Monthly, last Friday, 10am to 11:30am",
            },
            Format = (MeetingFormat)(i % 3 + 1),
            DisplayOrder = order++,
        });
        if (i % 2 == 0)
        {
            p.EngagementRoutes.Add(new EngagementRoute
            {
                Kind = EngagementRouteKind.ThematicGroup,
                Title = i % 4 == 0 ? "Housing and throughcare working group" : "Employability and recovery working group",
                Description = "A multi-agency group on one outcome of the plan; third-sector members are welcome.",
                HowToJoin = "Ask the coordinator for an invitation.",
                MeetingFrequency = "Every six weeks",
                Format = MeetingFormat.Online,
                DisplayOrder = order++,
            });
        }

        if (i % 3 == 0)
        {
            p.EngagementRoutes.Add(new EngagementRoute
            {
                Kind = EngagementRouteKind.Event,
                Title = "Annual community justice conference",
                Description = "A day of workshops on the plan's priorities, open to all local organisations.",
                Format = MeetingFormat.InPerson,
                MeetingFrequency = "Once a year, in the autumn",
                DisplayOrder = order++,
            });
        }

        if (i % 5 == 1)
        {
            p.EngagementRoutes.Add(new EngagementRoute
            {
                Kind = EngagementRouteKind.ParticipatoryBudgeting,
                Title = "Community justice small grants",
                Description = "Local groups propose projects and residents vote on which are funded.",
                IsActive = i % 10 != 1,
                DisplayOrder = order++,
            });
        }

        p.EngagementRoutes.Add(new EngagementRoute
        {
            Kind = EngagementRouteKind.ReleasePlanning,
            Title = "Multi-agency release planning meetings",
            Description = "Third-sector services supporting someone leaving custody can be invited to plan their release.",
            HowToJoin = "Ask the justice social work team to invite you when you support the person.",
            DisplayOrder = order,
        });
    }

    private static void AddPlans(Partnership p, int i, DateOnly today)
    {
        var current = new Cjoip
        {
            PeriodStart = new DateOnly(2023, 4, 1),
            PeriodEnd = new DateOnly(2028, 3, 31),
            PublishedOn = new DateOnly(2023, 6, 1).AddDays(i * 3),
            Link = $"https://{p.Slug}-cjp.example.org/plan-2023-2028.pdf",
        };
        if (i % 5 != 2)
        {
            current.ParticipationStatement = new ParticipationStatement
            {
                PublishedOn = current.PublishedOn,
                Link = $"https://{p.Slug}-cjp.example.org/participation-statement-2023.pdf",
                Summary = "The forum and the Third Sector Interface commented on two drafts; a lived-experience panel reviewed the priorities.",
            };
        }

        p.Cjoips.Add(current);
        p.Cjoips.Add(new Cjoip
        {
            PeriodStart = new DateOnly(2019, 4, 1),
            PeriodEnd = new DateOnly(2023, 3, 31),
            PublishedOn = new DateOnly(2019, 5, 1),
            Link = $"https://{p.Slug}-cjp.example.org/plan-2019-2023.pdf",
        });

        if (i % 7 == 3)
        {
            p.Cjoips.Add(new Cjoip
            {
                PeriodStart = new DateOnly(2027, 4, 1),
                PeriodEnd = new DateOnly(2032, 3, 31),
                ConsultationOpensOn = today.AddDays(-10),
                ConsultationClosesOn = today.AddDays(30),
                Link = $"https://{p.Slug}-cjp.example.org/draft-plan-consultation",
                ConsultationResponseLink = $"https://{p.Slug}-cjp.example.org/draft-plan-consultation/respond",
                ConsultationResponseEmail = $"plan@{p.Slug}-cjp.example.org",
            });
        }
    }

    private static void AddAnnualReturns(Partnership p, int i, ReportingYear latestEnded, AnnualReturnDeadline deadline)
    {
        var previous = new ReportingYear(latestEnded.StartYear - 1);
        var overdue = i % 6 == 5;
        p.AnnualReturns.Add(new AnnualReturn
        {
            ReportingYearStart = previous.StartYear,
            DueOn = previous.DueDate(deadline),
            SubmittedOn = overdue ? null : previous.DueDate(deadline).AddDays(-20 - i),
            PublishedOn = overdue ? null : previous.DueDate(deadline).AddDays(-10 - i),
            PublishedReportLink = overdue ? null : $"https://{p.Slug}-cjp.example.org/annual-report-{previous.Label}.pdf",
            BoardThirdSectorSeats = overdue ? null : 1 + (i % 3),
            StageEngagements = overdue ? [] : DemoStages(i),
        });
        p.AnnualReturns.Add(new AnnualReturn
        {
            ReportingYearStart = latestEnded.StartYear,
            DueOn = latestEnded.DueDate(deadline),
            SubmittedOn = i % 3 == 0 ? latestEnded.End.AddMonths(6) : null,
            StageEngagements = i % 3 == 0 ? DemoStages(i + 1) : [],
        });
    }

    /// <summary>Third-sector involvement at each stage of the commissioning cycle, varied by partnership so the national
    /// picture has something to count.</summary>
    private static List<ReturnStageEngagement> DemoStages(int i) =>
        [.. Enum.GetValues<CommissioningStage>().Select(stage => new ReturnStageEngagement
        {
            Stage = stage,
            Involvement = ((i + (int)stage) % 4) switch
            {
                0 => ThirdSectorInvolvement.No,
                1 => ThirdSectorInvolvement.Partly,
                _ => ThirdSectorInvolvement.Yes,
            },
            RouteKinds = stage switch
            {
                CommissioningStage.Analyse => [EngagementRouteKind.LocalForum, EngagementRouteKind.ProjectInvolvement],
                CommissioningStage.Plan => i % 2 == 0 ? [EngagementRouteKind.Consultation, EngagementRouteKind.BoardRepresentation] : [EngagementRouteKind.Event],
                CommissioningStage.Do => [EngagementRouteKind.Contractual],
                _ => [EngagementRouteKind.LocalForum],
            },
            OrganisationCount = 3 + ((i + (int)stage) % 7),
            Note = stage == CommissioningStage.Plan ? "The forum commented on two drafts of the plan." : null,
        })];
}

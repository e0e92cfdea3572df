using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>Every page under /manage, /national and /admin, for every kind of user: anonymous people are asked to sign
/// in; a coordinator of another partnership is refused the partnership's pages, and every coordinator is refused the
/// national and administration pages; a refused POST changes nothing. A page added under Pages/Manage, Pages/National
/// or Pages/Admin without a row here fails the test.</summary>
[Collection(AuthorizationMatrixCollection.Name)]
public sealed class AuthorizationMatrixTests(PortalFixture fixture)
{
    public enum Outcome
    {
        SignIn,
        Forbidden,
        Allowed,
    }

    public enum Who
    {
        Anonymous,
        OtherCoordinator,
        OwnCoordinator,
        CjsStaff,
        Administrator,
    }

    /// <summary>One row; <paramref name="ShowsConfirmationStep"/>: a POST that, allowed, answers 200 with a confirmation
    /// step and saves nothing (the next POST does), rather than redirecting.</summary>
    private sealed record Entry(string Method, string Route, Func<PortalFixture, string, Task<Dictionary<string, string>>>? Form, Outcome[] Expected, bool ShowsConfirmationStep = false);

    private static readonly Outcome[] PartnershipPage = [Outcome.SignIn, Outcome.Forbidden, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed];
    private static readonly Outcome[] NationalPage = [Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Allowed, Outcome.Allowed];
    private static readonly Outcome[] AdminPage = [Outcome.SignIn, Outcome.Forbidden, Outcome.Forbidden, Outcome.Forbidden, Outcome.Allowed];

    /// <summary>The signed-in person's own account pages: anyone signed in with both factors, whatever their role.</summary>
    private static readonly Outcome[] AccountPage = [Outcome.SignIn, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed];

    /// <summary>The folders whose pages need a row.</summary>
    private static readonly string[] GuardedFolders = ["/Manage/", "/National/", "/Admin/"];

    /// <summary>The account pages that need a row: those for a signed-in person (the rest of /Account is for people not
    /// signed in yet: sign-in, invitation, password reset).</summary>
    private static readonly string[] GuardedPages = ["/Account/Index", "/Account/ChangePassword", "/Account/NewRecoveryCodes", "/Account/ResetAuthenticator"];

    /// <summary>A new password for the change-password cell.</summary>
    private const string MatrixNewPassword = "matrix lantern otter quilt";

    private static readonly Entry[] Matrix =
    [
        new("GET", "/manage", null, [Outcome.SignIn, Outcome.Allowed, Outcome.Allowed, Outcome.Forbidden, Outcome.Forbidden]),
        new("GET", "/manage/partnerships/{slug}", null, PartnershipPage),
        // Organisations' listings: any moderator sees the queue (limited to their areas); a listing in the matrix
        // partnership's area is for its coordinators and national staff.
        new("GET", "/manage/organisations", null, [Outcome.SignIn, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed]),
        new("GET", "/manage/organisations/{id:int}", null, PartnershipPage),
        // The Review handler re-renders the page with the confirmation step (200, nothing saved); Confirm changes the listing.
        new("POST", "/manage/organisations/{id:int}?handler=Review", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Decision"] = "RequestChanges",
            ["Reason"] = "Asked by the authorization matrix",
        }), PartnershipPage, ShowsConfirmationStep: true),
        new("POST", "/manage/organisations/{id:int}?handler=Confirm", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Decision"] = "RequestChanges",
            ["Reason"] = "Asked by the authorization matrix",
        }), PartnershipPage),
        new("POST", "/manage/partnerships/{slug}", (_, _) => Task.FromResult(new Dictionary<string, string>()), PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/details", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/details", async (f, slug) => new Dictionary<string, string>
        {
            ["Website"] = $"https://example.org/{Guid.NewGuid():N}",
            ["GovernanceNotes"] = "Changed by the authorization matrix",
            ["CoordinatorPostVacant"] = "false",
            ["FallbackContactId"] = string.Empty,
            ["Version"] = (await VersionAsync(f, slug)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/history", null, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/review", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/review", (_, _) => Task.FromResult(new Dictionary<string, string>()), PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/review/confirmed", null, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/documents", null, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/routes", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/routes?handler=MoveUp", async (f, slug) => new Dictionary<string, string>
        {
            ["routeId"] = Invariant(await LastRouteIdAsync(f, slug)),
        }, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/routes?handler=MoveDown", async (f, slug) => new Dictionary<string, string>
        {
            ["routeId"] = Invariant(await RouteIdAsync(f, slug)),
        }, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/routes?handler=Deactivate", async (f, slug) => new Dictionary<string, string>
        {
            ["routeId"] = Invariant(await RouteIdAsync(f, slug)),
        }, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/routes?handler=Reactivate", async (f, slug) => new Dictionary<string, string>
        {
            ["routeId"] = Invariant(await RouteIdAsync(f, slug)),
        }, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/routes/new", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/routes/new", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Kind"] = "4",
            ["Title"] = $"Matrix event {Guid.NewGuid():N}",
        }), PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/routes/{id:int}", null, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/routes/{id:int}/delete", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/routes/{id:int}/delete", (_, _) => Task.FromResult(new Dictionary<string, string>()), PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/routes/{id:int}", async (f, slug) => new Dictionary<string, string>
        {
            ["Kind"] = "2",
            ["Title"] = $"Forum {Guid.NewGuid():N}",
            ["Version"] = Invariant(await RouteVersionAsync(f, slug)),
        }, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/updates", null, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/updates/new", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/updates/new", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Kind"] = "0",
            ["Title"] = $"Matrix update {Guid.NewGuid():N}",
            ["Body"] = "Written by the authorization matrix",
        }), PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/updates/{id:int}", null, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/updates/{id:int}/edit", null, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/updates/{id:int}/delete", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/updates/{id:int}/delete", async (f, slug) => new Dictionary<string, string> { ["Version"] = Invariant(await UpdateVersionAsync(f, slug)) }, PartnershipPage),
        // Publishing (the preview's button) and editing a draft of the partnership's own.
        new("POST", "/manage/partnerships/{slug}/updates/{id:int}", async (f, slug) => new Dictionary<string, string> { ["Version"] = Invariant(await UpdateVersionAsync(f, slug)) }, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/updates/{id:int}/edit", async (f, slug) => new Dictionary<string, string>
        {
            ["Kind"] = "0",
            ["Title"] = $"Matrix edit {Guid.NewGuid():N}",
            ["Body"] = "Edited by the authorization matrix",
            ["Version"] = Invariant(await UpdateVersionAsync(f, slug)),
        }, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/plans", null, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/plans/new", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/plans/new", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["PeriodStart"] = "2040-04-01",
            ["PeriodEnd"] = "2045-03-31",
        }), PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/plans/{id:int}", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/plans/{id:int}", PlanFormAsync, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/plans/{id:int}/publish", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/plans/{id:int}/publish", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["PublishedOn"] = "2026-01-01",
        }), PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/plans/{id:int}/delete", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/plans/{id:int}/delete", (_, _) => Task.FromResult(new Dictionary<string, string>()), PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/plans/{id:int}/statement", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/plans/{id:int}/statement", async (f, slug) => new Dictionary<string, string>
        {
            ["Summary"] = $"Changed by the authorization matrix {Guid.NewGuid():N}",
            ["RouteIds[0]"] = Invariant(await RouteIdAsync(f, slug)),
            ["Version"] = Invariant(await StatementVersionAsync(f, slug)),
        }, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/contacts", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/contacts?handler=MoveUp", async (f, slug) => new Dictionary<string, string>
        {
            ["contactId"] = Invariant(await LastContactIdAsync(f, slug)),
        }, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/contacts?handler=MoveDown", async (f, slug) => new Dictionary<string, string>
        {
            ["contactId"] = Invariant(await ContactIdAsync(f, slug)),
        }, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/contacts?handler=Publish", async (f, slug) => new Dictionary<string, string>
        {
            ["contactId"] = Invariant(await ContactIdAsync(f, slug)),
        }, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/contacts?handler=Hide", async (f, slug) => new Dictionary<string, string>
        {
            ["contactId"] = Invariant(await ContactIdAsync(f, slug)),
        }, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/contacts/{id:int}/remove", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/contacts/{id:int}/remove", (_, _) => Task.FromResult(new Dictionary<string, string>()), PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/contacts/new", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/contacts/new", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Name"] = "Matrix Contact",
            ["Role"] = $"Role {Guid.NewGuid():N}",
            ["Email"] = "matrix.contact@example.org",
        }), PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/contacts/{id:int}", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/contacts/{id:int}", async (f, slug) => new Dictionary<string, string>
        {
            ["Name"] = "Matrix Contact",
            ["Role"] = $"Role {Guid.NewGuid():N}",
            ["Email"] = "matrix.contact@example.org",
            ["Version"] = Invariant(await ContactVersionAsync(f, slug)),
        }, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/tsis", null, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/tsis/{areaId:int}", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/tsis/{areaId:int}", async (f, slug) => new Dictionary<string, string>
        {
            ["Name"] = $"Matrix TSI {Guid.NewGuid():N}",
            ["Version"] = Invariant(await TsiVersionAsync(f, slug)),
        }, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/returns", null, PartnershipPage),
        new("GET", "/manage/partnerships/{slug}/returns/{year:int}", null, PartnershipPage),
        new("POST", "/manage/partnerships/{slug}/returns/{year:int}", async (f, slug) => new Dictionary<string, string>
        {
            ["SubmittedOn"] = "2025-10-01",
            ["Stages[0].Involvement"] = "1",
            ["Stages[0].Note"] = $"Matrix note {Guid.NewGuid():N}",
            ["Version"] = Invariant(await ReturnVersionAsync(f, slug)),
        }, PartnershipPage),

        // The problem queue: every coordinator has one (of their own partnerships' reports); a report of the
        // partnership is its coordinators' and national staff's only.
        new("GET", "/manage/problems", null, [Outcome.SignIn, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed]),
        new("GET", "/manage/problems?status=resolved", null, [Outcome.SignIn, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed]),
        new("GET", "/manage/problems/{id:int}", null, PartnershipPage),
        new("POST", "/manage/problems/{id:int}", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["ResolutionNote"] = $"Resolved by the authorization matrix {Guid.NewGuid():N}",
        }), PartnershipPage),

        new("GET", "/national", null, NationalPage),
        new("GET", "/national/coordinators", null, NationalPage),
        new("GET", "/national/coordinators/invite", null, NationalPage),
        new("POST", "/national/coordinators/invite", async (f, _) => new Dictionary<string, string>
        {
            ["Email"] = $"matrix-{Guid.NewGuid():N}@example.org",
            ["PartnershipIds"] = Invariant(await PartnershipIdAsync(f, Partnership)),
        }, NationalPage),
        new("GET", "/national/coordinators/{id:guid}", null, NationalPage),
        new("POST", "/national/coordinators/{id:guid}?handler=Assign", async (f, _) => new Dictionary<string, string>
        {
            ["PartnershipId"] = Invariant(await PartnershipIdAsync(f, OtherPartnership)),
        }, NationalPage),
        new("POST", "/national/coordinators/{id:guid}?handler=Unassign", async (f, _) => new Dictionary<string, string>
        {
            ["PartnershipId"] = Invariant(await PartnershipIdAsync(f, Partnership)),
        }, NationalPage),
        new("POST", "/national/coordinators/{id:guid}?handler=Resend", (_, _) => Task.FromResult(new Dictionary<string, string>()), NationalPage),
        new("GET", "/national/coordinators/{id:guid}/remove", null, NationalPage),
        new("POST", "/national/coordinators/{id:guid}/remove", (_, _) => Task.FromResult(new Dictionary<string, string>()), NationalPage),
        new("POST", "/national/coordinators/{id:guid}?handler=Unlock", (_, _) => Task.FromResult(new Dictionary<string, string>()), NationalPage),
        new("GET", "/national/coordinators/{id:guid}/reset-authenticator", null, NationalPage),
        new("POST", "/national/coordinators/{id:guid}/reset-authenticator", (_, _) => Task.FromResult(new Dictionary<string, string>()), NationalPage),
        new("GET", "/national/dashboard", null, NationalPage),
        new("GET", "/national/dashboard?year=2024&problem=overdue-return&map=return&sort=return&dir=desc", null, NationalPage),
        new("GET", "/national/dashboard.csv", null, NationalPage),
        // "Send a reminder now" from the dashboard: national staff may remind any partnership, so the other
        // partnership's slug in the body is allowed for them and refused for every coordinator.
        new("GET", "/national/dashboard/remind", null, NationalPage),
        new("POST", "/national/dashboard/remind", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Slugs"] = OtherPartnership,
        }), NationalPage, ShowsConfirmationStep: true),
        new("POST", "/national/dashboard/remind?handler=Send", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Slugs"] = OtherPartnership,
            ["Press"] = Guid.NewGuid().ToString(),
        }), NationalPage),
        new("GET", "/national/engagement", null, NationalPage),
        new("GET", "/national/engagement?year=2024", null, NationalPage),
        new("GET", "/national/history", null, NationalPage),
        new("GET", "/national/refresh", null, NationalPage),
        new("GET", "/national/refresh/edition", null, NationalPage),
        // One edition a year: each cell starts with none, so a second publisher is not refused for being second.
        new("POST", "/national/refresh/edition", async (f, _) =>
        {
            await f.WithDbContextAsync(db => db.DirectoryEditions.ExecuteDeleteAsync());
            return new Dictionary<string, string>();
        }, NationalPage),
        new("GET", "/national/refresh?Remind=true&PartnershipIds=1", null, NationalPage),
        new("POST", "/national/refresh?handler=Send", async (f, slug) => new Dictionary<string, string>
        {
            ["PartnershipIds"] = Invariant(await PartnershipIdAsync(f, slug)),
            ["Press"] = Guid.NewGuid().ToString(),
        }, NationalPage),
        new("GET", "/national/updates", null, NationalPage),
        new("GET", "/national/updates/new", null, NationalPage),
        new("POST", "/national/updates/new", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Kind"] = "0",
            ["Title"] = $"Matrix national update {Guid.NewGuid():N}",
            ["Body"] = "Written by the authorization matrix",
        }), NationalPage),
        // A national draft of its own for each cell (RecordIdAsync).
        new("GET", "/national/updates/{id:int}", null, NationalPage),
        new("POST", "/national/updates/{id:int}", async (f, _) => new Dictionary<string, string> { ["Version"] = Invariant(await UpdateVersionAsync(f, null)) }, NationalPage),
        new("GET", "/national/updates/{id:int}/edit", null, NationalPage),
        new("POST", "/national/updates/{id:int}/edit", async (f, _) => new Dictionary<string, string>
        {
            ["Kind"] = "0",
            ["Title"] = $"Matrix edit {Guid.NewGuid():N}",
            ["Body"] = "Edited by the authorization matrix",
            ["Version"] = Invariant(await UpdateVersionAsync(f, null)),
        }, NationalPage),
        new("GET", "/national/updates/{id:int}/delete", null, NationalPage),
        new("POST", "/national/updates/{id:int}/delete", async (f, _) => new Dictionary<string, string> { ["Version"] = Invariant(await UpdateVersionAsync(f, null)) }, NationalPage),
        new("GET", "/national/places", null, NationalPage),
        new("GET", "/national/places/new", null, NationalPage),
        new("POST", "/national/places/new", async (f, _) => new Dictionary<string, string>
        {
            ["Name"] = $"Matrix place {Guid.NewGuid():N}",
            ["CouncilAreaId"] = Invariant(await AreaIdAsync(f)),
        }, NationalPage),
        new("GET", "/national/places/{placeId:int}", null, NationalPage),
        new("POST", "/national/places/{placeId:int}", async (f, _) => new Dictionary<string, string>
        {
            ["Name"] = $"Matrix place {Guid.NewGuid():N}",
            ["CouncilAreaId"] = Invariant(await AreaIdAsync(f)),
        }, NationalPage),
        new("GET", "/national/partnerships", null, NationalPage),
        new("GET", "/national/partnerships/{slug}", null, NationalPage),
        new("GET", "/national/partnerships/{slug}/name", null, NationalPage),
        new("POST", "/national/partnerships/{slug}/name", async (f, slug) => new Dictionary<string, string>
        {
            ["Name"] = $"Matrix partnership {Guid.NewGuid():N}",
            ["Version"] = Invariant(await VersionAsync(f, slug)),
        }, NationalPage),
        new("GET", "/national/partnerships/{slug}/areas", null, NationalPage),
        new("POST", "/national/partnerships/{slug}/areas", (f, _) => f.WithDbContextAsync(async db => new Dictionary<string, string>
        {
            // An Ayrshire area still in Ayrshire (three to start with), so each allowed move leaves it at least one.
            ["AreaId"] = Invariant(await db.CouncilAreas.Where(a => a.Partnership.Slug == "ayrshire").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()),
            ["AreasVersion"] = CjpPortal.Web.Pages.National.Partnerships.NationalPartnershipPages.Fingerprint(
                await db.CouncilAreas.Select(a => new ValueTuple<int, int>(a.Id, a.PartnershipId)).ToListAsync()),
        }), NationalPage),

        new("GET", "/admin", null, AdminPage),
        new("GET", "/admin/staff", null, AdminPage),
        new("GET", "/admin/staff/invite", null, AdminPage),
        new("POST", "/admin/staff/invite", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Email"] = $"matrix-{Guid.NewGuid():N}@example.org",
            ["Role"] = Roles.CjsStaff,
        }), AdminPage),
        new("GET", "/admin/staff/{id:guid}", null, AdminPage),
        new("POST", "/admin/staff/{id:guid}", (_, _) => Task.FromResult(new Dictionary<string, string>()), AdminPage),
        new("GET", "/admin/staff/{id:guid}/remove", null, AdminPage),
        new("POST", "/admin/staff/{id:guid}/remove", (_, _) => Task.FromResult(new Dictionary<string, string>()), AdminPage),
        new("POST", "/admin/staff/{id:guid}?handler=Unlock", (_, _) => Task.FromResult(new Dictionary<string, string>()), AdminPage),
        new("GET", "/admin/staff/{id:guid}/reset-authenticator", null, AdminPage),
        new("POST", "/admin/staff/{id:guid}/reset-authenticator", (_, _) => Task.FromResult(new Dictionary<string, string>()), AdminPage),
        new("GET", "/admin/outbox", null, AdminPage),
        new("POST", "/admin/outbox?handler=Retry", async (f, _) => new Dictionary<string, string>
        {
            ["messageId"] = Invariant(await OutboxMessageIdAsync(f, CjpPortal.Core.Email.OutboxEmailStatus.Failed)),
        }, AdminPage),
        new("GET", "/admin/outbox/{id:long}/cancel", null, AdminPage),
        new("POST", "/admin/outbox/{id:long}/cancel", (_, _) => Task.FromResult(new Dictionary<string, string>()), AdminPage),
        new("GET", "/admin/outbox/suppressions", null, AdminPage),
        new("GET", "/admin/outbox/suppressions/{id:long}/remove", null, AdminPage),
        new("POST", "/admin/outbox/suppressions/{id:long}/remove", (_, _) => Task.FromResult(new Dictionary<string, string>()), AdminPage),

        // Signed in through the real pages (see ClientAsync), with the password TestData gives enrolled accounts.
        new("GET", "/account", null, AccountPage),
        new("GET", "/account/change-password", null, AccountPage),
        new("POST", "/account/change-password", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestData.EnrolledPassword,
            ["Password"] = MatrixNewPassword,
            ["ConfirmPassword"] = MatrixNewPassword,
        }), AccountPage),
        new("GET", "/account/new-recovery-codes", null, AccountPage),
        new("POST", "/account/new-recovery-codes", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["PasswordOrCode"] = TestData.EnrolledPassword,
        }), AccountPage),
        new("GET", "/account/reset-authenticator", null, AccountPage),
        new("POST", "/account/reset-authenticator", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["PasswordOrCode"] = TestData.EnrolledPassword,
        }), AccountPage),
    ];

    /// <summary>A new outbox message of its own for each cell, so an allowed retry or cancel leaves the next cell its target.</summary>
    private static Task<long> OutboxMessageIdAsync(PortalFixture f, CjpPortal.Core.Email.OutboxEmailStatus status) => f.WithDbContextAsync(async db =>
    {
        var row = new CjpPortal.Core.Email.OutboxEmail
        {
            To = "matrix.outbox@example.org",
            Subject = "Matrix message",
            TextBody = "Body",
            CreatedAt = f.Clock.GetUtcNow(),
            NextAttemptAt = f.Clock.GetUtcNow().AddDays(1),
            Status = status,
        };
        db.EmailOutbox.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    });

    private static Task<long> SuppressionIdAsync(PortalFixture f) => f.WithDbContextAsync(async db =>
    {
        var row = new CjpPortal.Core.Email.SuppressedAddress
        {
            AddressHash = CjpPortal.Core.Email.SuppressedAddress.HashOf($"matrix-{Guid.NewGuid():N}@example.org"),
            Reason = "Matrix",
            CreatedAt = f.Clock.GetUtcNow(),
        };
        db.SuppressedAddresses.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    });

    private static Task<int> PartnershipIdAsync(PortalFixture f, string slug) =>
        f.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    /// <summary>The URL of one cell: route values filled in, with a new invited account as the target of the account
    /// pages, so a POST that removes or changes it in one cell leaves the next cell its own target.</summary>
    private static async Task<string> UrlAsync(PortalFixture f, string route, string slug = Partnership)
    {
        var url = route.Replace("{slug}", slug, StringComparison.Ordinal)
            .Replace("{areaId:int}", Invariant(await AreaIdAsync(f, slug)), StringComparison.Ordinal)
            .Replace("{placeId:int}", Invariant(await PlaceIdAsync(f)), StringComparison.Ordinal)
            .Replace("{year:int}", "2024", StringComparison.Ordinal)
            .Replace("{id:int}", Invariant(await RecordIdAsync(f, route, slug)), StringComparison.Ordinal);
        if (url.Contains("{id:long}", StringComparison.Ordinal))
        {
            var id = url.Contains("/suppressions/", StringComparison.Ordinal)
                ? await SuppressionIdAsync(f)
                : await OutboxMessageIdAsync(f, CjpPortal.Core.Email.OutboxEmailStatus.Queued);
            url = url.Replace("{id:long}", Invariant(id), StringComparison.Ordinal);
        }
        if (url.Contains("{id:guid}", StringComparison.Ordinal))
        {
            var email = $"target-{Guid.NewGuid():N}@example.org";
            var staffPage = url.StartsWith("/admin/", StringComparison.Ordinal);
            await f.InviteAsync(email, staffPage ? Roles.CjsStaff : Roles.Coordinator, staffPage ? Array.Empty<string>() : [Partnership]);
            var id = await f.WithDbContextAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
            url = url.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal);
        }

        return url;
    }

    /// <summary>The record a cell's URL names: a problem report of its own for each problem cell, so an allowed resolve
    /// leaves the next cell an open one; a contact of its own (or route, or draft plan) for each removal cell, and
    /// a draft plan of its own for each publish cell, so an allowed removal or publication leaves the next cell its
    /// target; otherwise the partnership's first contact, route or plan.</summary>
    private static async Task<int> RecordIdAsync(PortalFixture f, string route, string slug) =>
        route.StartsWith("/manage/organisations/", StringComparison.Ordinal) ? await OrganisationIdAsync(f, slug) :
        route.StartsWith("/manage/problems/", StringComparison.Ordinal) ? (await f.CreateProblemReportAsync(slug)).Id :
        route.Contains("/plans/", StringComparison.Ordinal) ? await PlanIdAsync(f, route, slug) :
        // A draft of its own for each cell, so an allowed deletion leaves the next cell its target.
        route.StartsWith("/national/updates/", StringComparison.Ordinal) ? (await f.CreateUpdateAsync(null)).Id :
        route.Contains("/updates/", StringComparison.Ordinal) ? (await f.CreateUpdateAsync(slug)).Id :
        (route.Contains("/contacts/", StringComparison.Ordinal), route.EndsWith("/remove", StringComparison.Ordinal) || route.EndsWith("/delete", StringComparison.Ordinal)) switch
        {
            (true, true) => (await f.CreateContactAsync(slug)).Id,
            (true, false) => await ContactIdAsync(f, slug),
            (false, true) => (await f.CreateRouteAsync(slug, $"Matrix route {Guid.NewGuid():N}")).Id,
            (false, false) => await RouteIdAsync(f, slug),
        };

    /// <summary>A new listing waiting for moderation in the first council area of <paramref name="slug"/>.</summary>
    private static async Task<int> OrganisationIdAsync(PortalFixture f, string slug)
    {
        var area = await f.WithDbContextAsync(db => db.CouncilAreas.Where(a => a.Partnership.Slug == slug).OrderBy(a => a.Name).Select(a => a.Name).FirstAsync());
        return (await f.CreateOrganisationAsync($"Matrix listing {Guid.NewGuid():N}", areas: [area],
            status: CjpPortal.Core.Organisations.OrganisationStatus.AwaitingModeration)).Id;
    }

    private static int matrixPlans;

    /// <summary>A new draft plan for a publish or delete cell, each with a period of its own so that publishing it
    /// overlaps no other published plan; otherwise the partnership's first plan (made if it has none).</summary>
    private static async Task<int> PlanIdAsync(PortalFixture f, string route, string slug)
    {
        if (route.EndsWith("/publish", StringComparison.Ordinal) || route.EndsWith("/delete", StringComparison.Ordinal))
        {
            var start = new DateOnly(2100 + Interlocked.Increment(ref matrixPlans), 4, 1);
            return (await f.CreatePlanAsync(slug, start, start.AddYears(1).AddDays(-1))).Id;
        }

        var first = await f.WithDbContextAsync(db => db.Cjoips.Where(c => c.Partnership.Slug == slug).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync());
        return first ?? (await f.CreatePlanAsync(slug, new(2090, 4, 1), new(2091, 3, 31))).Id;
    }

    /// <summary>The edit form of the partnership's first plan as it stands (period and version), with a new link.</summary>
    private static async Task<Dictionary<string, string>> PlanFormAsync(PortalFixture f, string slug)
    {
        var id = await PlanIdAsync(f, "/plans/{id:int}", slug);
        var plan = await f.WithDbContextAsync(db => db.Cjoips.Where(c => c.Id == id)
            .Select(c => new { c.PeriodStart, c.PeriodEnd, Version = EF.Property<uint>(c, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName) }).SingleAsync());
        return new Dictionary<string, string>
        {
            ["PeriodStart"] = plan.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["PeriodEnd"] = plan.PeriodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Link"] = $"https://example.org/plan-{Guid.NewGuid():N}",
            ["Version"] = Invariant(plan.Version),
        };
    }

    /// <summary>The row version of the first plan's statement, or 0 when it has none yet.</summary>
    private static async Task<uint> StatementVersionAsync(PortalFixture f, string slug)
    {
        var id = await PlanIdAsync(f, "/plans/{id:int}/statement", slug);
        return await f.WithDbContextAsync(db => db.ParticipationStatements.Where(s => s.CjoipId == id)
            .Select(s => EF.Property<uint>(s, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).SingleOrDefaultAsync());
    }

    /// <summary>The partnership's (first) council area, whose Third Sector Interface the matrix edits.</summary>
    private static Task<int> PlaceIdAsync(PortalFixture f) => f.WithDbContextAsync(db => db.Places.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    private static Task<int> AreaIdAsync(PortalFixture f, string slug = Partnership) => f.WithDbContextAsync(db => db.CouncilAreas
        .Where(a => a.Partnership.Slug == slug).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());

    private static async Task<uint> TsiVersionAsync(PortalFixture f, string slug)
    {
        var id = await AreaIdAsync(f, slug);
        return await f.WithDbContextAsync(db => db.ThirdSectorInterfaces.Where(t => t.CouncilAreaId == id)
            .Select(t => EF.Property<uint>(t, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).SingleAsync());
    }

    /// <summary>The first contact of the partnership, whose pages the matrix visits.</summary>
    private static Task<int> ContactIdAsync(PortalFixture f, string slug = Partnership) => f.WithDbContextAsync(db => db.Contacts
        .Where(c => c.Partnership.Slug == slug).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

    /// <summary>The contact shown last, which can always move up.</summary>
    private static Task<int> LastContactIdAsync(PortalFixture f, string slug) => f.WithDbContextAsync(db => db.Contacts
        .Where(c => c.Partnership.Slug == slug).OrderByDescending(c => c.DisplayOrder).ThenByDescending(c => c.Id).Select(c => c.Id).FirstAsync());

    private static async Task<uint> ContactVersionAsync(PortalFixture f, string slug)
    {
        var id = await ContactIdAsync(f, slug);
        return await f.WithDbContextAsync(db => db.Contacts.Where(c => c.Id == id)
            .Select(c => EF.Property<uint>(c, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).SingleAsync());
    }

    private static async Task<uint> RouteVersionAsync(PortalFixture f, string slug)
    {
        var id = await RouteIdAsync(f, slug);
        return await f.WithDbContextAsync(db => db.EngagementRoutes.Where(r => r.Id == id)
            .Select(r => EF.Property<uint>(r, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).SingleAsync());
    }

    /// <summary>The version of the update the cell's URL names: the newest of the partnership's (or, for null, the
    /// national ones), made for the cell; 0 when there is none (another partnership's, in the tampered cells).</summary>
    private static Task<uint> UpdateVersionAsync(PortalFixture f, string? slug) => f.WithDbContextAsync(async db =>
        await db.ForumUpdates.Where(u => slug == null ? u.PartnershipId == null : db.Partnerships.Any(p => p.Id == u.PartnershipId && p.Slug == slug))
            .OrderByDescending(u => u.Id)
            .Select(u => (uint?)EF.Property<uint>(u, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).FirstOrDefaultAsync() ?? 0);

    /// <summary>The version of the partnership's 2024-25 return, which the matrix edits; 0 while there is none.</summary>
    private static Task<uint> ReturnVersionAsync(PortalFixture f, string slug) => f.WithDbContextAsync(async db =>
        await db.AnnualReturns.Where(r => r.Partnership.Slug == slug && r.ReportingYearStart == 2024)
            .Select(r => (uint?)EF.Property<uint>(r, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).SingleOrDefaultAsync() ?? 0);

    private static string Invariant(IFormattable value) => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first engagement route of the partnership, whose pages the matrix visits.</summary>
    private static Task<int> RouteIdAsync(PortalFixture f, string slug = Partnership) => f.WithDbContextAsync(db => db.EngagementRoutes
        .Where(r => r.Partnership.Slug == slug).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());

    /// <summary>The route shown last, which can always move up.</summary>
    private static Task<int> LastRouteIdAsync(PortalFixture f, string slug) => f.WithDbContextAsync(db => db.EngagementRoutes
        .Where(r => r.Partnership.Slug == slug).OrderByDescending(r => r.DisplayOrder).ThenByDescending(r => r.Title).Select(r => r.Id).FirstAsync());

    [Fact]
    public async Task Get_EveryManagePage_HasAMatrixEntryForEachMethodItHandles()
    {
        // Arrange
        var listed = Matrix.Select(e => $"{e.Method} {e.Route}").ToHashSet(StringComparer.Ordinal);

        // Act: every page under Pages/Manage, with GET (a page always answers it) and each other method it handles
        var required = (await ServedEndpoints.PagesAsync(fixture.Factory.Services))
            .Where(p => GuardedFolders.Any(folder => p.Page.ViewEnginePath.StartsWith(folder, StringComparison.Ordinal))
                || GuardedPages.Contains(p.Page.ViewEnginePath, StringComparer.Ordinal))
            .SelectMany(p => p.Page.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name)).Append(("GET", null))
                .Select(h => $"{h.Method} /{(p.Endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/')}{(h.Name is null ? string.Empty : $"?handler={h.Name}")}"))
            .Distinct()
            .ToList();

        // Assert
        Assert.Contains("POST /manage/partnerships/{slug}/details", required);
        Assert.Contains("POST /national/coordinators/{id:guid}/remove", required);
        Assert.Contains("POST /manage/partnerships/{slug}/contacts?handler=Hide", required);
        Assert.Contains("POST /admin/staff/invite", required);
        Assert.Contains("POST /account/change-password", required);
        Assert.All(required, endpoint => Assert.True(listed.Contains(endpoint), $"{endpoint} has no row in the authorization matrix."));
    }

    /// <summary>Every cell of the matrix: each page and handler for each kind of user.</summary>
    public static TheoryData<string, string, Who> Cells()
    {
        var cells = new TheoryData<string, string, Who>();
        foreach (var entry in Matrix)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                cells.Add(entry.Method, entry.Route, who);
            }
        }

        return cells;
    }

    /// <summary>Each page and handler of a partnership, with the other partnership's slug and ids in the query string
    /// or in the form body.</summary>
    public static TheoryData<string, string, string> TamperedCells()
    {
        var cells = new TheoryData<string, string, string>();
        foreach (var entry in Matrix.Where(e => e.Route.StartsWith("/manage/partnerships/{slug}", StringComparison.Ordinal)))
        {
            cells.Add(entry.Method, entry.Route, "query");
            cells.Add(entry.Method, entry.Route, "body");
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Get_AndPost_EveryGuardedEndpointForEveryKindOfUser_MatchesTheMatrix(string method, string route, Who who)
    {
        // Arrange
        var entry = Matrix.Single(e => e.Method == method && e.Route == route);
        var expected = entry.Expected[(int)who];
        using var client = entry.Route.StartsWith("/account", StringComparison.Ordinal) ? await ThroughPagesAsync(who) : await ClientAsync(who);
        var url = await UrlAsync(fixture, entry.Route);
        var form = entry.Form is null ? null : await WithTokenAsync(client, who, await entry.Form(fixture, Partnership));
        var before = await SnapshotAsync();

        // Act
        var response = form is null
            ? await client.GetAsync(new Uri(url, UriKind.Relative))
            : (await client.PostFormAsync(url, form)).Response;

        // Assert
        Assert.True(Classify(response, method, entry.ShowsConfirmationStep) == expected,
            $"{method} {url} as {who}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        if (method == "POST" && expected != Outcome.Allowed)
        {
            AssertUnchanged(before, await SnapshotAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TamperedCells))]
    public async Task Get_AndPost_OwnPartnershipPageWithTheOtherPartnershipsSlugAndIdsInQueryOrBody_ShowsAndChangesNothingOfTheOther(string method, string route, string place)
    {
        // Arrange: the coordinator of one partnership, adding the other partnership's slug and record ids to the query
        // string or the form body of one of their own pages, with the other partnership's form values (its row
        // versions among them, as the 409 page would hand them back)
        var entry = Matrix.Single(e => e.Method == method && e.Route == route);
        using var client = await ClientAsync(Who.OwnCoordinator);
        var otherName = await fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == OtherPartnership).Select(p => p.Name).SingleAsync());
        var ids = await OtherPartnershipIdsAsync(fixture, entry.Route);
        var url = await UrlAsync(fixture, entry.Route);
        if (place == "query")
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?")
                + string.Join('&', ids.Select(field => $"{field.Key}={Uri.EscapeDataString(field.Value)}"));
        }

        var form = entry.Form is null ? null : await entry.Form(fixture, OtherPartnership);
        var before = await PartnershipSnapshotAsync(OtherPartnership);

        // Act
        HttpResponseMessage response;
        if (form is null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            if (place == "body")
            {
                request.Content = new FormUrlEncodedContent(ids);
            }

            response = await client.SendAsync(request);
        }
        else
        {
            if (place == "body")
            {
                foreach (var (name, value) in ids)
                {
                    form[name] = value;
                }
            }

            response = (await client.PostFormAsync(url, await WithTokenAsync(client, Who.OwnCoordinator, form))).Response;
        }

        // Assert
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(body.Contains(otherName, StringComparison.Ordinal),
            $"{method} {url} with the other partnership's ids in the {place} showed {otherName} ({(int)response.StatusCode}).");
        Assert.True(await PartnershipSnapshotAsync(OtherPartnership) == before,
            $"{method} {url} with the other partnership's ids in the {place} changed {otherName} ({(int)response.StatusCode}).");
    }

    /// <summary>A coordinator of one partnership moderating a listing that works only in the other partnership's area:
    /// its id in the URL, or in the query string or the form body of a decision on one of their own listings. Each
    /// decision (approve, ask for changes, reject) leaves the other listing as it was and never shows it.</summary>
    [Theory]
    [InlineData("url", "Approve")]
    [InlineData("url", "RequestChanges")]
    [InlineData("url", "Reject")]
    [InlineData("query", "Approve")]
    [InlineData("query", "RequestChanges")]
    [InlineData("query", "Reject")]
    [InlineData("body", "Approve")]
    [InlineData("body", "RequestChanges")]
    [InlineData("body", "Reject")]
    public async Task Post_ModerationDecisionWithTheOtherPartnershipsListingIdInUrlQueryOrBody_IsRefusedAndChangesNothing(string place, string decision)
    {
        // Arrange
        using var client = await ClientAsync(Who.OwnCoordinator);
        var own = await OrganisationIdAsync(fixture, Partnership);
        var other = await OrganisationIdAsync(fixture, OtherPartnership);
        var otherName = await fixture.WithDbContextAsync(db => db.Organisations.Where(o => o.Id == other).Select(o => o.Name).SingleAsync());
        var before = await fixture.WithDbContextAsync(db => db.Organisations.AsNoTracking().Where(o => o.Id == other)
            .Select(o => new { o.Status, o.ModerationReason, o.ModeratedAt, o.UpdatedAt }).SingleAsync());
        var ids = new Dictionary<string, string> { ["id"] = Invariant(other), ["organisationId"] = Invariant(other) };
        var url = place == "url" ? $"/manage/organisations/{Invariant(other)}?handler=Confirm" : $"/manage/organisations/{Invariant(own)}?handler=Confirm";
        if (place == "query")
        {
            url += "&" + string.Join('&', ids.Select(field => $"{field.Key}={field.Value}"));
        }

        var form = new Dictionary<string, string> { ["Decision"] = decision, ["Reason"] = "Asked by the authorization matrix" };
        if (place == "body")
        {
            foreach (var (name, value) in ids)
            {
                form[name] = value;
            }
        }

        // Act
        var response = (await client.PostFormAsync(url, await WithTokenAsync(client, Who.OwnCoordinator, form))).Response;

        // Assert
        if (place == "url")
        {
            Assert.Equal((Outcome?)Outcome.Forbidden, Classify(response, "POST"));
        }

        Assert.DoesNotContain(otherName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await fixture.WithDbContextAsync(db => db.Organisations.AsNoTracking().Where(o => o.Id == other)
            .Select(o => new { o.Status, o.ModerationReason, o.ModeratedAt, o.UpdatedAt }).SingleAsync());
        Assert.Equal(before, after);
    }

    /// <summary>/documents/{id}/{file-name} for every kind of user: a draft plan's document exists only for its
    /// partnership's coordinators and national staff (404 to anyone else, signed in or not, so its existence is not
    /// given away); a published plan's for everyone.</summary>
    [Theory]
    [InlineData(false, Who.Anonymous, HttpStatusCode.NotFound)]
    [InlineData(false, Who.OtherCoordinator, HttpStatusCode.NotFound)]
    [InlineData(false, Who.OwnCoordinator, HttpStatusCode.OK)]
    [InlineData(false, Who.CjsStaff, HttpStatusCode.OK)]
    [InlineData(false, Who.Administrator, HttpStatusCode.OK)]
    [InlineData(true, Who.Anonymous, HttpStatusCode.OK)]
    [InlineData(true, Who.OtherCoordinator, HttpStatusCode.OK)]
    public async Task Get_PlansDocumentForEveryKindOfUser_OnlyItsPartnershipsStaffSeeADraftsDocument(bool published, Who who, HttpStatusCode expected)
    {
        // Arrange
        var document = await fixture.CreateDocumentAsync(await PartnershipIdAsync(fixture, Partnership));
        var plan = await fixture.CreatePlanAsync(Partnership, new(2031, 4, 1), new(2036, 3, 31),
            publishedOn: published ? FixedTimeProvider.TestToday : null);
        await fixture.WithDbContextAsync(db => db.Cjoips.Where(c => c.Id == plan.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.DocumentId, document.Id)));
        using var client = await ClientAsync(who);

        // Act
        using var response = await client.GetAsync(new Uri($"/documents/{document.Id}/{document.FileName}", UriKind.Relative));

        // Assert
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Snapshot_RowRewrittenWithTheSameValues_CountsAsChanged()
    {
        // Arrange
        var before = await SnapshotAsync();

        // Act: an update that changes no value still gives the row a new version
        await fixture.WithDbContextAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE partnerships SET name = name WHERE slug = 'falkirk'"));

        var after = await SnapshotAsync();

        // Assert
        var error = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertUnchanged(before, after));
        Assert.Contains("\"partnerships\"", error.Message, StringComparison.Ordinal);
        Assert.Null(Record.Exception(() => AssertUnchanged(after, after)));
    }

    /// <summary>A new account of the kind <paramref name="who"/>, signed in with the test scheme (anonymous: no one).</summary>
    private Task<HttpClient> ClientAsync(Who who) => who switch
    {
        Who.Anonymous => SignInAsync(fixture, null),
        Who.OtherCoordinator => CoordinatorAsync(fixture, OtherPartnership),
        Who.OwnCoordinator => CoordinatorAsync(fixture),
        Who.CjsStaff => SignInAsync(fixture, Roles.CjsStaff),
        _ => SignInAsync(fixture, Roles.Administrator),
    };

    /// <summary>A new account of the kind <paramref name="who"/>, signed in through the real password and authenticator
    /// pages: the account pages re-issue the sign-in cookie (after a password change or an authenticator reset), which
    /// the test scheme has no cookie for.</summary>
    private async Task<HttpClient> ThroughPagesAsync(Who who)
    {
        var client = fixture.CreateAccountsClient();
        if (who == Who.Anonymous)
        {
            return client;
        }

        var account = who switch
        {
            Who.OtherCoordinator => await fixture.CreateEnrolledAccountAsync(Roles.Coordinator, OtherPartnership),
            Who.OwnCoordinator => await fixture.CreateEnrolledAccountAsync(Roles.Coordinator, Partnership),
            Who.CjsStaff => await fixture.CreateEnrolledAccountAsync(Roles.CjsStaff),
            _ => await fixture.CreateEnrolledAccountAsync(Roles.Administrator),
        };
        await client.SignInAsync(account.Email, account.Password, account.AuthenticatorKey);
        return client;
    }

    private static void AssertUnchanged(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changed = before.Keys.Union(after.Keys)
            .Where(table => before.GetValueOrDefault(table) != after.GetValueOrDefault(table))
            .ToList();
        Assert.True(changed.Count == 0, $"A refused request changed the table(s) {string.Join(", ", changed)}.");
    }

    /// <summary>What an attacker would add to a request: the other partnership's slug, and the ids of its records under
    /// every name a page takes them by.</summary>
    private static async Task<Dictionary<string, string>> OtherPartnershipIdsAsync(PortalFixture f, string route)
    {
        var contactId = Invariant(await ContactIdAsync(f, OtherPartnership));
        var routeId = Invariant(await RouteIdAsync(f, OtherPartnership));
        var planId = Invariant(await PlanIdAsync(f, "/plans/{id:int}", OtherPartnership));
        return new Dictionary<string, string>
        {
            ["slug"] = OtherPartnership,
            ["id"] = route.Contains("/routes", StringComparison.Ordinal) ? routeId : route.Contains("/plans", StringComparison.Ordinal) ? planId : contactId,
            ["RouteIds[0]"] = routeId,
            ["contactId"] = contactId,
            ["routeId"] = routeId,
            ["areaId"] = Invariant(await AreaIdAsync(f, OtherPartnership)),
        };
    }

    private static Outcome? Classify(HttpResponseMessage response, string method, bool showsConfirmationStep = false)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect when location.Contains("/account/sign-in", StringComparison.Ordinal) => Outcome.SignIn,
            HttpStatusCode.Redirect when location.Contains("/status/403", StringComparison.Ordinal) => Outcome.Forbidden,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.OK when method == "GET" || showsConfirmationStep => Outcome.Allowed,
            HttpStatusCode.Redirect when method == "POST" => Outcome.Allowed,
            _ => null,
        };
    }

    /// <summary>Adds an antiforgery token valid for this user, taken from a form they can open, so a refusal is the
    /// authorization rule's and not the missing token's.</summary>
    private static async Task<Dictionary<string, string>> WithTokenAsync(HttpClient client, Who who, Dictionary<string, string> fields)
    {
        var formPage = who switch
        {
            Who.Anonymous => "/account/sign-in",
            Who.OtherCoordinator => $"/manage/partnerships/{OtherPartnership}/details",
            _ => $"/manage/partnerships/{Partnership}/details",
        };
        var page = await client.GetDocumentAsync(formPage);
        var token = page.Document.QuerySelector($"input[name={Forms.AntiforgeryField}]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {formPage} for {who}.");
        fields[Forms.AntiforgeryField] = token!;
        return fields;
    }

    /// <summary>One partnership's rows and their versions (xmin), and its history.</summary>
    private Task<string> PartnershipSnapshotAsync(string slug) => fixture.WithDbContextAsync(async db =>
    {
        var partnership = await db.Partnerships.Where(p => p.Slug == slug)
            .Select(p => new { p.Id, Version = EF.Property<uint>(p, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName) }).SingleAsync();
        var history = await db.AuditEntries.CountAsync(a => a.PartnershipId == partnership.Id);
        var routes = await db.EngagementRoutes.Where(r => r.PartnershipId == partnership.Id).OrderBy(r => r.Id)
            .Select(r => EF.Property<uint>(r, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).ToListAsync();
        var contacts = await db.Contacts.Where(c => c.PartnershipId == partnership.Id).OrderBy(c => c.Id)
            .Select(c => EF.Property<uint>(c, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).ToListAsync();
        var tsis = await db.ThirdSectorInterfaces.Where(t => t.CouncilArea.PartnershipId == partnership.Id).OrderBy(t => t.Id)
            .Select(t => EF.Property<uint>(t, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).ToListAsync();
        var plans = await db.Cjoips.Where(c => c.PartnershipId == partnership.Id).OrderBy(c => c.Id)
            .Select(c => EF.Property<uint>(c, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).ToListAsync();
        var statements = await db.ParticipationStatements.Where(s => s.Cjoip.PartnershipId == partnership.Id).OrderBy(s => s.Id)
            .Select(s => EF.Property<uint>(s, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).ToListAsync();
        var returns = await db.AnnualReturns.Where(r => r.PartnershipId == partnership.Id).OrderBy(r => r.Id)
            .Select(r => EF.Property<uint>(r, CjpPortal.Core.Configurations.ConcurrencyToken.PropertyName)).ToListAsync();
        var stages = await db.ReturnStageEngagements.CountAsync(s => s.AnnualReturn.PartnershipId == partnership.Id);
        return $"{partnership.Version}/{history}/{string.Join(',', routes)}/{string.Join(',', contacts)}/{string.Join(',', tsis)}/{string.Join(',', plans)}/{string.Join(',', statements)}/{string.Join(',', returns)}/{stages}";
    });

    /// <summary>Everything a POST could change: every table in the EF model, each as a hash of its rows and their
    /// versions (xmin), so a table added later is covered without a change here. One statement for all of them: the
    /// matrix takes this twice for every POST cell.</summary>
    private Task<Dictionary<string, string>> SnapshotAsync() => fixture.WithDbContextAsync(async db =>
    {
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetViewName() is null)
            .Select(e => e.GetSchema() is { } schema ? $"\"{schema}\".\"{e.GetTableName()}\"" : $"\"{e.GetTableName()}\"")
            .Distinct()
            .ToList();
        // Table names come from the EF model, not from input.
        var sql = string.Join(" UNION ALL ", tables.Select(name =>
            $"SELECT '{name.Replace("'", "''", StringComparison.Ordinal)}' AS name, " +
            $"coalesce(md5(string_agg(t::text || '@' || t.xmin::text, ',' ORDER BY t::text)), '') AS hash FROM {name} AS t"));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // see above: names from the EF model
            command.CommandText = sql;
#pragma warning restore CA2100
            await using var reader = await command.ExecuteReaderAsync();
            var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
            while (await reader.ReadAsync())
            {
                hashes[reader.GetString(0)] = reader.GetString(1);
            }

            Assert.Equal(tables.Count, hashes.Count);
            return hashes;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });
}

/// <summary>The matrix has a database and a portal of its own: its cells run in any order without resetting data in
/// between (each makes the records it targets), and alongside the other integration tests.</summary>
[CollectionDefinition(Name)]
public sealed class AuthorizationMatrixCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "AuthorizationMatrix";
}

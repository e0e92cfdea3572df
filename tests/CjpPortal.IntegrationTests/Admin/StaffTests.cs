using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Admin;

/// <summary>/admin/staff: administrators invite and remove CJS staff and administrators.</summary>
[Collection(PortalCollection.Name)]
public sealed class StaffTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string InviteUrl = "/admin/staff/invite";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewEmail() => $"staff-{Guid.NewGuid():N}@example.org";

    private Task<Guid> UserIdAsync(string email) =>
        fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<List<string>> RolesOfAsync(Guid userId) => fixture.WithDbContextAsync(db => db.UserRoles
        .Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync());

    private static async Task<HtmlPage> InviteAsync(HttpClient admin, string email, string? role)
    {
        var form = await admin.GetDocumentAsync(InviteUrl);
        var fields = new Dictionary<string, string> { ["Email"] = email };
        if (role is not null)
        {
            fields["Role"] = role;
        }

        return await admin.SubmitAsync(form, fields);
    }

    [Fact]
    public async Task Post_Invite_CjsStaff_CreatesAccountWithTheRoleAndEmailsALink()
    {
        // Arrange
        using var admin = await SignInAsync(fixture, Roles.Administrator);
        var email = NewEmail();

        // Act
        var invited = await InviteAsync(admin, email, Roles.CjsStaff);
        var shown = await admin.GetDocumentAsync(invited.Response.Headers.Location!.OriginalString);
        var list = await admin.GetDocumentAsync("/admin/staff");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains($"An invitation has been sent to {email}", shown.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Contains("CJS staff", shown.One("#account").TextOf(), StringComparison.Ordinal);
        Assert.Equal([Roles.CjsStaff], await RolesOfAsync(await UserIdAsync(email)));
        Assert.StartsWith("/account/invitation/", await fixture.LatestInvitationLinkAsync(email), StringComparison.Ordinal);
        Assert.Contains(list.Document.QuerySelectorAll("#staff tbody tr"), r => r.TextOf().Contains(email, StringComparison.Ordinal));
        Assert.True(await fixture.WithDbContextAsync(db => db.AuditEntries.AnyAsync(a => a.Field == Roles.CjsStaff && a.NewValue == email)));
    }

    [Theory]
    [InlineData("", Roles.CjsStaff, "Email", "Enter an email address")]
    [InlineData("someone@example.org", null, "Role", "Choose what they will be able to do")]
    [InlineData("someone@example.org", Roles.Coordinator, "Role", "Choose what they will be able to do")]
    public async Task Post_Invite_MissingOrWrongAnswer_Returns400AndCreatesNothing(string email, string? role, string field, string message)
    {
        // Arrange
        using var admin = await SignInAsync(fixture, Roles.Administrator);
        var users = await fixture.WithDbContextAsync(db => db.Users.CountAsync());

        // Act
        var page = await InviteAsync(admin, email, role);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(message, page.One($"#{field}-error").TextOf(), StringComparison.Ordinal);
        Assert.Equal($"#{field}", page.One(".ds_error-summary a").GetAttribute("href"));
        Assert.Equal(users, await fixture.WithDbContextAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData(257, "The email address must be 256 characters or fewer")]
    [InlineData(255, "Enter an email address in the correct format, like name@example.org")]
    public async Task Post_Invite_EmailBreakingSeveralRules_ShowsOnlyTheFirstRulesMessage(int length, string message)
    {
        // Arrange: an address this long is also in the wrong format (over 254 characters, its local part over 64)
        using var admin = await SignInAsync(fixture, Roles.Administrator);
        var email = new string('a', length - "@example.org".Length) + "@example.org";

        // Act
        var page = await InviteAsync(admin, email, Roles.CjsStaff);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var summary = Assert.Single(page.Document.QuerySelectorAll(".ds_error-summary li"));
        Assert.Equal(message, summary.TextOf());
        Assert.Equal(message, page.One("#Email-error").TextOf());
    }

    [Fact]
    public async Task Post_Remove_AnotherMemberOfStaff_DeletesTheAccountAndSignsThemOut()
    {
        // Arrange
        using var admin = await SignInAsync(fixture, Roles.Administrator);
        using var staff = await SignInThroughPagesAsync(fixture, Roles.CjsStaff);
        var staffId = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email!.StartsWith("manage-") && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.CjsStaff))).Select(u => u.Id).SingleAsync());
        var confirm = await admin.GetDocumentAsync($"/admin/staff/{staffId}/remove");

        // Act
        var removed = await admin.SubmitAsync(confirm, new Dictionary<string, string>());
        var start = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        HttpResponseMessage later;
        try
        {
            later = await staff.GetAsync(new Uri("/national", UriKind.Relative));
        }
        finally
        {
            fixture.Clock.SetUtcNow(start);
        }

        // Assert
        Assert.Equal("/admin/staff", removed.Response.Headers.Location?.OriginalString);
        Assert.False(await fixture.WithDbContextAsync(db => db.Users.AnyAsync(u => u.Id == staffId)));
        Assert.Contains("/account/sign-in", later.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Remove_StaffWhoIsAlsoACoordinator_KeepsTheCoordinatorAccountWithANewStamp()
    {
        // Arrange
        using var admin = await SignInAsync(fixture, Roles.Administrator);
        using var coordinator = await CoordinatorAsync(fixture);
        using var staff = await SignInAsync(fixture, Roles.CjsStaff); // so the role exists
        var userId = await fixture.WithDbContextAsync(db => db.PartnershipCoordinators.Where(pc => pc.User!.Email!.StartsWith("manage-")).Select(pc => pc.UserId).SingleAsync());
        var staffRole = await fixture.WithDbContextAsync(db => db.Roles.Where(r => r.Name == Roles.CjsStaff).Select(r => r.Id).SingleAsync());
        await fixture.WithDbContextAsync(async db =>
        {
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = userId, RoleId = staffRole });
            return await db.SaveChangesAsync();
        });
        var stamp = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());
        var confirm = await admin.GetDocumentAsync($"/admin/staff/{userId}/remove");

        // Act
        var removed = await admin.SubmitAsync(confirm, new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal([Roles.Coordinator], await RolesOfAsync(userId));
        Assert.NotEqual(stamp, await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Equal(1, await fixture.WithDbContextAsync(db => db.PartnershipCoordinators.CountAsync(pc => pc.UserId == userId)));
    }

    [Fact]
    public async Task Post_Remove_TheirOwnAccount_Returns400AndKeepsIt()
    {
        // Arrange
        using var admin = await SignInAsync(fixture, Roles.Administrator);
        using var other = await SignInAsync(fixture, Roles.Administrator);
        var account = await admin.GetDocumentAsync("/account");
        var email = account.One("#account-details").TextOf();
        var ids = await fixture.WithDbContextAsync(db => db.Users.Select(u => new { u.Id, u.Email }).ToListAsync());
        var ownId = ids.Single(u => email.Contains(u.Email!, StringComparison.Ordinal)).Id;
        var confirm = await admin.GetDocumentAsync($"/admin/staff/{ownId}/remove");

        // Act
        var answer = await admin.SubmitAsync(confirm, new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("You cannot remove your own account", answer.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Equal([Roles.Administrator], await RolesOfAsync(ownId));
    }

    [Fact]
    public async Task Post_Remove_TwoAdministratorsRemovingEachOtherAtOnce_OnlyOneSucceeds()
    {
        // Arrange: exactly two administrators, each with the other's removal page open
        await fixture.ResetDataAsync();
        using var first = await SignInAsync(fixture, Roles.Administrator);
        using var second = await SignInAsync(fixture, Roles.Administrator);
        Assert.Equal(2, await fixture.WithDbContextAsync(db => db.Users.CountAsync()));
        var ownIds = new List<Guid>();
        foreach (var client in new[] { first, second })
        {
            var account = (await client.GetDocumentAsync("/account")).One("#account-details").TextOf();
            ownIds.Add(await fixture.WithDbContextAsync(db => db.Users.Where(u => account.Contains(u.Email!)).Select(u => u.Id).SingleAsync()));
        }

        var firstConfirm = await first.GetDocumentAsync($"/admin/staff/{ownIds[1]}/remove");
        var secondConfirm = await second.GetDocumentAsync($"/admin/staff/{ownIds[0]}/remove");

        // The test holds the lock that guards the administrators, so both removals must queue behind it; without the
        // lock they would both count two administrators and both go ahead.
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var held = await connection.BeginTransactionAsync();
        await using (var take = new Npgsql.NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, held))
        {
            take.Parameters.AddWithValue("key", AccountAdministration.AdministratorsLockKey);
            await take.ExecuteNonQueryAsync();
        }

        // Act
        var firstRemoval = first.SubmitAsync(firstConfirm, new Dictionary<string, string>());
        var secondRemoval = second.SubmitAsync(secondConfirm, new Dictionary<string, string>());
        var waiting = 0L;
        for (var poll = 0; poll < 600 && waiting < 2 && !firstRemoval.IsCompleted && !secondRemoval.IsCompleted; poll++)
        {
            await Task.Delay(100);
            await using var count = new Npgsql.NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid::bigint = @low AND classid::bigint = @high AND objsubid = 1",
                connection, held);
            count.Parameters.AddWithValue("low", (long)(AccountAdministration.AdministratorsLockKey & 0xFFFFFFFF));
            count.Parameters.AddWithValue("high", AccountAdministration.AdministratorsLockKey >> 32);
            waiting = (long)(await count.ExecuteScalarAsync())!;
        }

        var finishedWhileLocked = firstRemoval.IsCompleted || secondRemoval.IsCompleted;
        await held.CommitAsync();
        var answers = await Task.WhenAll(firstRemoval, secondRemoval);

        // Assert
        Assert.False(finishedWhileLocked, "A removal finished while the administrators' lock was held by the test.");
        Assert.Equal(2, waiting);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.BadRequest);
        Assert.Contains("This is the only administrator", refused.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        var administrators = await fixture.WithDbContextAsync(db => db.UserRoles
            .CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)));
        Assert.Equal(1, administrators);
    }

    [Fact]
    public async Task Get_CoordinatorPageForAStaffAccount_Returns404()
    {
        // Arrange: staff accounts are not coordinators, so the coordinator pages do not show them
        using var admin = await SignInAsync(fixture, Roles.Administrator);
        var adminId = await fixture.WithDbContextAsync(db => db.Users.Where(u => u.Email!.StartsWith("manage-")).Select(u => u.Id).SingleAsync());

        // Act
        var response = await admin.GetAsync(new Uri($"/national/coordinators/{adminId}", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

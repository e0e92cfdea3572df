using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.National;

/// <summary>E-mail addresses are shown in lower case, whatever case an account was stored with.</summary>
public sealed class EmailCaseTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private async Task<Guid> MixedCaseCoordinatorAsync(string email)
    {
        var user = await Fixture.CreateUserAsync(Roles.Coordinator, "falkirk");
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.FindByIdAsync(user.Id.ToString());
        account!.Email = email;
        account.UserName = email;
        Assert.True((await users.UpdateAsync(account)).Succeeded);
        return user.Id;
    }

    [Fact]
    public async Task Get_CoordinatorsWithAMixedCaseAddress_ShowsItInLowerCase()
    {
        // Arrange
        var id = await MixedCaseCoordinatorAsync("Mixed.Case@Example.ORG");
        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        using var client = Fixture.CreateClientAs(staff.Id);

        // Act
        var list = await client.GetDocumentAsync("/national/coordinators");
        var show = await client.GetDocumentAsync($"/national/coordinators/{id}");

        // Assert
        Assert.Contains("mixed.case@example.org", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mixed.Case@Example.ORG", list.Text, StringComparison.Ordinal);
        Assert.Contains("mixed.case@example.org", show.One("h1").TextOf(), StringComparison.Ordinal);
        Assert.DoesNotContain("Mixed.Case@Example.ORG", show.Text, StringComparison.Ordinal);
    }
}

using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Account;

/// <summary>Saves through EF that change an account's sign-in state, roles or appointments tell this process at once
/// (<see cref="AccountChanges"/>), before the database's notification arrives; other saves of accounts do not.</summary>
public sealed class AccountChangesTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Save_SecurityStampChanged_RaisesChangedBeforeTheSaveReturns()
    {
        // Arrange
        var user = await Fixture.CreateUserAsync(Roles.Coordinator, "falkirk");
        var raised = 0;
        var changes = Fixture.Factory.Services.GetRequiredService<AccountChanges>();
        changes.Changed += Count;
        try
        {
            // Act
            await using var scope = Fixture.Factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id.ToString()))!);
            var afterStamp = raised;
            await users.AccessFailedAsync((await users.FindByIdAsync(user.Id.ToString()))!);
            var afterFailedSignIn = raised;
            await users.RemoveFromRoleAsync((await users.FindByIdAsync(user.Id.ToString()))!, Roles.Coordinator);
            var afterRoleRemoved = raised;

            // Assert
            Assert.Equal(1, afterStamp);
            Assert.Equal(1, afterFailedSignIn);
            Assert.Equal(2, afterRoleRemoved);
        }
        finally
        {
            changes.Changed -= Count;
        }

        void Count() => Interlocked.Increment(ref raised);
    }
}

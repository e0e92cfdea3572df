using CjpPortal.Core;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CjpPortal.TestCommon;

/// <summary>A user row made by <see cref="TestData.CreateUserAsync"/>.</summary>
public sealed record TestUser(Guid Id, string Email);

/// <summary>Builders that save rows for one test and return them, so a test says what it needs instead of relying on
/// the demo data (TRS TestData.CreatePerson).</summary>
public static partial class TestData
{
    /// <summary>An account with <paramref name="role"/> (none when null) assigned to <paramref name="partnershipSlugs"/>,
    /// with no password or authenticator: sign it in with <see cref="TestSignInClients.CreateClientAs"/>.</summary>
    public static async Task<TestUser> CreateUserAsync(this PortalFixture fixture, string? role, params string[] partnershipSlugs)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(partnershipSlugs);
        var email = $"manage-{Guid.NewGuid():N}@example.org";
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true, TwoFactorEnabled = true };
        Check(await users.CreateAsync(user));
        if (role is not null)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
            }

            Check(await users.AddToRoleAsync(user, role));
        }

        if (partnershipSlugs.Length > 0)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ids = await db.Partnerships.Where(p => partnershipSlugs.Contains(p.Slug)).Select(p => p.Id).ToListAsync();
            Assert.Equal(partnershipSlugs.Length, ids.Count);
            db.PartnershipCoordinators.AddRange(ids.Select(id => new PartnershipCoordinator { UserId = user.Id, PartnershipId = id }));
            await db.SaveChangesAsync();
        }

        return new TestUser(user.Id, email);
    }

    /// <summary>A published contact of the partnership <paramref name="slug"/>, placed last.</summary>
    public static async Task<Contact> CreateContactAsync(this PortalFixture fixture, string slug, string? name = null, bool isPublished = true)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return await fixture.WithDbContextAsync(async db =>
        {
            var partnershipId = await db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var last = await db.Contacts.Where(c => c.PartnershipId == partnershipId).MaxAsync(c => (int?)c.DisplayOrder) ?? 0;
            var contact = new Contact
            {
                PartnershipId = partnershipId,
                Name = name ?? $"Test Contact {Guid.NewGuid():N}"[..24],
                Role = "Test role",
                Email = "test.contact@example.org",
                IsPublished = isPublished,
                DisplayOrder = last + 1,
            };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact;
        });
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}

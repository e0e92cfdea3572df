using CjpPortal.Core.Email;
using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Identity;

public enum InvitationState
{
    Unknown,
    Valid,
    Expired,
    Used,
    Replaced,
}

/// <summary>What a link token refers to, and whether it can still be used.</summary>
public sealed record InvitationLookup(InvitationState State, Invitation? Invitation);

/// <summary>Invites people by e-mail: creates the account (without a password) and a single-use link that expires after
/// <see cref="Invitation.Lifetime"/>. Sending a new invitation replaces any earlier link that is still open.</summary>
public sealed class InvitationService(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IEmailOutbox outbox,
    TimeProvider clock)
{
    public const string InvitationPath = "/account/invitation/";

    /// <summary>Creates the account if it does not exist, gives it <paramref name="role"/>, and e-mails a new link.
    /// Returns the link. The address must pass <see cref="EmailAddress"/>; it is stored in lower case. The account,
    /// the invitation and its e-mail commit together: in the caller's transaction if there is one, else in one of
    /// its own.</summary>
    public async Task<string> InviteAsync(string emailAddress, string role, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailAddress);
        ArgumentNullException.ThrowIfNull(baseUri);
        emailAddress = EmailAddress.Normalise(emailAddress)!;
        if (!EmailAddress.IsValid(emailAddress))
        {
            throw new ArgumentException(EmailAddress.FormatMessage, nameof(emailAddress));
        }

        // UserManager saves as it goes, so without a transaction a failure after CreateAsync would leave an account
        // that nobody was invited to.
        await using var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        var user = await users.FindByEmailAsync(emailAddress);
        if (user is null)
        {
            user = new ApplicationUser { UserName = emailAddress, Email = emailAddress, EmailConfirmed = true, LockoutEnabled = true };
            Check(await users.CreateAsync(user));
        }

        await EnsureRoleAsync(role);
        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        var link = await AddLinkAsync(user, baseUri, cancellationToken);
        outbox.Enqueue(new InvitationEmail(emailAddress, link).ToMessage());
        // One save: the invitation row and its e-mail are written together.
        await db.SaveChangesAsync(cancellationToken);
        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(cancellationToken);
        }

        return link.AbsoluteUri;
    }

    /// <summary>Adds a new link for <paramref name="user"/> to the unit of work (the caller saves); earlier open links
    /// stop working.</summary>
    private async Task<Uri> AddLinkAsync(ApplicationUser user, Uri baseUri, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.Invitations
            .Where(i => i.UserId == user.Id && i.UsedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var earlier in open)
        {
            earlier.RevokedAt = now;
        }

        var token = InvitationTokens.NewToken();
        db.Invitations.Add(new Invitation
        {
            UserId = user.Id,
            TokenHash = InvitationTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
        });
        return new Uri(baseUri, InvitationPath + token);
    }

    public async Task<InvitationLookup> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!InvitationTokens.IsWellFormed(token))
        {
            return new InvitationLookup(InvitationState.Unknown, null);
        }

        var hash = InvitationTokens.Hash(token!);
        var invitation = await db.Invitations.Include(i => i.User).SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        var state = invitation switch
        {
            null => InvitationState.Unknown,
            { UsedAt: not null } => InvitationState.Used,
            { RevokedAt: not null } => InvitationState.Replaced,
            _ when invitation.ExpiresAt <= clock.GetUtcNow() => InvitationState.Expired,
            _ => InvitationState.Valid,
        };
        return new InvitationLookup(state, invitation);
    }

    /// <summary>Sets the invited person's password and uses up the link. Returns the errors if the password is refused.</summary>
    public async Task<IdentityResult> AcceptAsync(Invitation invitation, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var user = invitation.User ?? await users.FindByIdAsync(invitation.UserId.ToString()) ?? throw new InvalidOperationException("The invitation has no user.");
        foreach (var validator in users.PasswordValidators)
        {
            var validation = await validator.ValidateAsync(users, user, password);
            if (!validation.Succeeded)
            {
                return validation;
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        invitation.UsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var result = await users.HasPasswordAsync(user)
            ? await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password)
            : await users.AddPasswordAsync(user, password);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    private async Task EnsureRoleAsync(string role)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Not one of the portal's roles.");
        }

        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

namespace CjpPortal.Core.Identity;

/// <summary>A single-use link that lets an invited person set their password. Only a SHA-256 hash of the token is
/// stored, so a copy of the database does not give anyone a working link.</summary>
public class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public int Id { get; set; }
    public Guid UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the invited person set their password with this link.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>When a newer invitation replaced this one.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}

using CjpPortal.Core.Links;
using Microsoft.AspNetCore.DataProtection;

namespace CjpPortal.UnitTests.Links;

public sealed class SignedTokensTests
{
    private readonly MovableClock clock = new();
    private readonly SignedTokens tokens;

    public SignedTokensTests() => tokens = new SignedTokens(new EphemeralDataProtectionProvider(), clock);

    [Fact]
    public void TryRead_SamePurpose_ReturnsSubject()
    {
        var token = tokens.Create("subscription-confirm", "42:abc", TimeSpan.FromDays(7));

        Assert.True(tokens.TryRead("subscription-confirm", token, out var subject));
        Assert.Equal("42:abc", subject);
    }

    [Fact]
    public void TryRead_OtherPurpose_IsRefused()
    {
        var token = tokens.Create("subscription-confirm", "42");

        Assert.False(tokens.TryRead("subscription-manage", token, out var subject));
        Assert.Equal(string.Empty, subject);
    }

    [Fact]
    public void TryRead_AtExpiry_IsRefused()
    {
        var token = tokens.Create("review", "7", TimeSpan.FromDays(7));
        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.True(tokens.TryRead("review", token, out _));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(tokens.TryRead("review", token, out _));
    }

    [Fact]
    public void TryRead_NoLifetime_NeverExpires()
    {
        var token = tokens.Create("unsubscribe", "7");
        clock.Advance(TimeSpan.FromDays(3650));

        Assert.True(tokens.TryRead("unsubscribe", token, out var subject));
        Assert.Equal("7", subject);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    public void TryRead_Garbage_IsRefused(string? token) => Assert.False(tokens.TryRead("review", token, out _));

    [Fact]
    public void TryRead_OneCharacterChanged_IsRefused()
    {
        var token = tokens.Create("review", "7");
        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        Assert.False(tokens.TryRead("review", tampered, out _));
    }

    [Fact]
    public void Create_IsUrlSafe()
    {
        var token = tokens.Create("review", "a subject with / + = and spaces");

        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    private sealed class MovableClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}

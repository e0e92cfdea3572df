using System.Text;
using CjpPortal.Web.Infrastructure.Auth;

namespace CjpPortal.UnitTests.Infrastructure;

/// <summary>The portal's authenticator codes against the RFC 6238 appendix B SHA-1 test vectors.</summary>
public sealed class AuthenticatorCodeTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Compute_RfcTestVector_MatchesLastSixDigits(long unixSeconds, string expected)
    {
        // Arrange
        var step = AuthenticatorCode.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        // Act
        var code = AuthenticatorCode.Compute(RfcKey, step);

        // Assert
        Assert.Equal(expected, code);
    }

    [Fact]
    public void FromBase32_KeyAsIdentityStoresIt_DecodesToTheSecret()
    {
        // Act: "GEZDGNBVGY3TQOJQ" is "1234567890" in base 32.
        var bytes = AuthenticatorCode.FromBase32("GEZDGNBVGY3TQOJQ");

        // Assert
        Assert.Equal("1234567890", Encoding.ASCII.GetString(bytes!));
    }

    [Fact]
    public void FromBase32_NotBase32_ReturnsNull()
    {
        // Act
        var bytes = AuthenticatorCode.FromBase32("GEZD!GNB");

        // Assert
        Assert.Null(bytes);
    }
}

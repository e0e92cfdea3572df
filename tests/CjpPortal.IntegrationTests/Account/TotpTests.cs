using System.Text;
using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests.Account;

/// <summary>The tests' own authenticator (TestCommon.Totp) against the RFC 6238 appendix B test vectors, so a sign-in
/// test that passes is not two copies of the same mistake agreeing.</summary>
public sealed class TotpTests
{
    // The RFC's SHA-1 secret "12345678901234567890" in base 32.
    private static readonly string RfcKey = Base32(Encoding.ASCII.GetBytes("12345678901234567890"));

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Code_RfcTestVector_MatchesLastSixDigits(long unixSeconds, string expected)
    {
        // Act
        var code = Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        // Assert
        Assert.Equal(expected, code);
    }

    [Fact]
    public void Base32Decode_GroupedLowerCaseKey_DecodesLikeTheAppDoes()
    {
        // Act
        var bytes = Totp.Base32Decode("gezd gnbv gy3t qojq");

        // Assert
        Assert.Equal("1234567890", Encoding.ASCII.GetString(bytes));
    }

    private static string Base32(byte[] data)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text.Append(alphabet[(buffer >> bits) & 31]);
            }
        }

        if (bits > 0)
        {
            text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }
}

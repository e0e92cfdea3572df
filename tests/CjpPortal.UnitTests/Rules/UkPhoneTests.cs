using CjpPortal.Core.Rules;

namespace CjpPortal.UnitTests.Rules;

public sealed class UkPhoneTests
{
    [Theory]
    [InlineData("01324 506000")]
    [InlineData("0131 496 0000")]
    [InlineData("(0131) 496-0000")]
    [InlineData("+44 7700 900123")]
    [InlineData("+44 (0)131 496 0000")]
    [InlineData("07700900123")]
    [InlineData("01856 87300")]
    public void IsValid_UkNumber_IsTrue(string phone)
    {
        // Act
        var valid = UkPhone.IsValid(phone);

        // Assert
        Assert.True(valid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("call the office")]
    [InlineData("0131 496")]
    [InlineData("+1 202 555 0100")]
    [InlineData("00131 496 0000")]
    [InlineData("0131 496 0000 ext 2")]
    [InlineData("013149600001234")]
    public void IsValid_NotAUkNumber_IsFalse(string phone)
    {
        // Act
        var valid = UkPhone.IsValid(phone);

        // Assert
        Assert.False(valid);
    }
}

using CjpPortal.Web.Infrastructure;

namespace CjpPortal.UnitTests.Infrastructure;

public sealed class FirstPageWarmUpTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::]:8080", "http://[::1]:8080/")]
    [InlineData("http://+:80", "http://127.0.0.1/")]
    [InlineData("http://*:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000", "http://127.0.0.1:5000/")]
    public void LoopbackAddress_PlainHttpAddress_ThatPortOnLoopback(string listening, string expected)
    {
        // Act
        var address = FirstPageWarmUp.LoopbackAddress([listening]);

        // Assert
        Assert.Equal(expected, address?.ToString());
    }

    [Fact]
    public void LoopbackAddress_HttpsFirst_TakesTheFirstPlainHttpAddress()
    {
        // Act
        var address = FirstPageWarmUp.LoopbackAddress(["https://0.0.0.0:443", "http://0.0.0.0:8080"]);

        // Assert
        Assert.Equal("http://127.0.0.1:8080/", address?.ToString());
    }

    [Theory]
    [InlineData("https://0.0.0.0:443")]
    [InlineData("not an address")]
    public void LoopbackAddress_NoPlainHttpAddress_Null(string listening)
    {
        // Act
        var address = FirstPageWarmUp.LoopbackAddress([listening]);

        // Assert
        Assert.Null(address);
    }

    [Fact]
    public void LoopbackAddress_NoAddresses_Null()
    {
        // Act
        var address = FirstPageWarmUp.LoopbackAddress([]);

        // Assert
        Assert.Null(address);
    }
}

using CjpPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace CjpPortal.UnitTests.Infrastructure;

public sealed class PortalLinksTests
{
    private static PortalLinks Links(string? baseUrl) => new(Options.Create(new PortalLinks.Options { BaseUrl = baseUrl }));

    [Theory]
    [InlineData("https://cjp.example.org")]
    [InlineData("https://cjp.example.org/")]
    public void Absolute_Path_IsUnderTheConfiguredAddress(string baseUrl)
    {
        // Act
        var link = Links(baseUrl).Absolute("/partnerships/falkirk");

        // Assert
        Assert.Equal("https://cjp.example.org/partnerships/falkirk", link.AbsoluteUri);
    }

    [Fact]
    public void Absolute_BaseUrlWithPath_KeepsItsPath()
    {
        // Act
        var link = Links("https://example.org/cjp").Absolute("/account/sign-in");

        // Assert
        Assert.Equal("https://example.org/cjp/account/sign-in", link.AbsoluteUri);
    }

    [Fact]
    public void Absolute_NoBaseUrl_Throws()
    {
        // Act and Assert: without a request there is no other address to fall back on
        var error = Assert.Throws<InvalidOperationException>(() => Links(null).Absolute("/"));
        Assert.Equal(PortalLinks.MissingBaseUrlMessage, error.Message);
    }

    [Theory]
    [InlineData("partnerships")]
    [InlineData("//evil.example/x")]
    public void Absolute_NotARootPath_Throws(string path)
    {
        // Act and Assert
        Assert.Throws<ArgumentException>(() => Links("https://cjp.example.org").Absolute(path));
    }
}

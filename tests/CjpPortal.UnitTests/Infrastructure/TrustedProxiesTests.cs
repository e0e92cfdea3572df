using System.Net;
using CjpPortal.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CjpPortal.UnitTests.Infrastructure;

/// <summary>Portal:KnownProxies and Portal:KnownNetworks as operators write them: a list, or one comma-separated
/// environment variable; a mistake stops start-up rather than silently trusting nobody.</summary>
public sealed class TrustedProxiesTests
{
    [Fact]
    public void Read_CommaSeparatedValues_ReadsEveryAddressAndNetwork()
    {
        // Arrange
        var configuration = Configuration(
            (TrustedProxies.KnownProxiesKey, "10.0.0.5, 10.0.0.6"),
            (TrustedProxies.KnownNetworksKey, "172.16.0.0/12"));

        // Act
        var proxies = TrustedProxies.Read(configuration);

        // Assert
        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("10.0.0.6")], proxies.Addresses);
        Assert.Equal([System.Net.IPNetwork.Parse("172.16.0.0/12")], proxies.Networks);
        Assert.True(proxies.AnyConfigured);
    }

    [Fact]
    public void Read_ListEntries_ReadsEachEntry()
    {
        // Arrange
        var configuration = Configuration(
            (TrustedProxies.KnownProxiesKey + ":0", "10.0.0.5"),
            (TrustedProxies.KnownProxiesKey + ":1", "::1"));

        // Act
        var proxies = TrustedProxies.Read(configuration);

        // Assert
        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.IPv6Loopback], proxies.Addresses);
        Assert.Empty(proxies.Networks);
    }

    [Fact]
    public void Read_NothingConfigured_TrustsNobody()
    {
        // Act
        var proxies = TrustedProxies.Read(Configuration());

        // Assert
        Assert.False(proxies.AnyConfigured);
    }

    [Theory]
    [InlineData(TrustedProxies.KnownProxiesKey, "proxy.internal")]
    [InlineData(TrustedProxies.KnownNetworksKey, "10.0.0.5/99")]
    public void Read_ValueThatIsNotAnAddress_FailsNamingTheSetting(string key, string value)
    {
        // Act
        var failure = Assert.Throws<InvalidOperationException>(() => TrustedProxies.Read(Configuration((key, value))));

        // Assert
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
        Assert.Contains(value, failure.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)))
            .Build();
}

using CjpPortal.Core;
using Npgsql;

namespace CjpPortal.UnitTests.Database;

/// <summary>The portal keeps plans of repeated statements (Npgsql automatic preparation) unless the connection
/// string says otherwise.</summary>
public sealed class DatabaseSetupTests
{
    [Fact]
    public void WithAutoPrepare_NotInConnectionString_TurnsItOn()
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=127.0.0.1;Database=cjp"));

        // Assert
        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.Equal(2, result.AutoPrepareMinUsages);
        Assert.Equal("cjp", result.Database);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=0")]
    [InlineData("Host=127.0.0.1;MaxAutoPrepare=0")]
    public void WithAutoPrepare_TurnedOffInConnectionString_StaysOff(string connectionString)
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare(connectionString));

        // Assert
        Assert.Equal(0, result.MaxAutoPrepare);
    }
}

using CjpPortal.Core;
using Npgsql;

namespace CjpPortal.UnitTests.Database;

/// <summary>The portal keeps plans of repeated statements (Npgsql automatic preparation) and skips the reset of pooled
/// connections unless the connection string says otherwise.</summary>
public sealed class DatabaseSetupTests
{
    [Fact]
    public void WithPortalDefaults_NotInConnectionString_TurnsOnAutoPrepare()
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPortalDefaults("Host=127.0.0.1;Database=cjp"));

        // Assert
        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.Equal(2, result.AutoPrepareMinUsages);
        Assert.Equal("cjp", result.Database);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=0")]
    [InlineData("Host=127.0.0.1;MaxAutoPrepare=0")]
    public void WithPortalDefaults_AutoPrepareTurnedOffInConnectionString_StaysOff(string connectionString)
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPortalDefaults(connectionString));

        // Assert
        Assert.Equal(0, result.MaxAutoPrepare);
    }

    [Fact]
    public void WithPortalDefaults_NotInConnectionString_SkipsTheResetOfPooledConnections()
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPortalDefaults("Host=127.0.0.1;Database=cjp"));

        // Assert
        Assert.True(result.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;No Reset On Close=false")]
    [InlineData("Host=127.0.0.1;NoResetOnClose=false")]
    public void WithPortalDefaults_ResetAskedForInConnectionString_KeepsIt(string connectionString)
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPortalDefaults(connectionString));

        // Assert
        Assert.False(result.NoResetOnClose);
    }
}

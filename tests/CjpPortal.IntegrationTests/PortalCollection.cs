using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests;

/// <summary>Every HTTP test shares one database and one in-memory portal (created once for the assembly), and the
/// tests in the collection run one after another, so a test that changes data can reset it safely.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}

/// <summary>Tests on reference data only, each starting from a reset database (see <see cref="ReferenceDataTests"/>).
/// New tests go here and make their rows with builders; older tests move over as they are touched.</summary>
[CollectionDefinition(Name)]
public sealed class ReferenceDataCollection : ICollectionFixture<ReferenceDataFixture>
{
    public const string Name = "ReferenceData";
}

/// <summary>The base of the tests in <see cref="ReferenceDataCollection"/>: the database is reset to reference data
/// before each test, so a test that fails half-way leaves nothing for the next.</summary>
[Collection(ReferenceDataCollection.Name)]
public abstract class ReferenceDataTests(ReferenceDataFixture fixture) : IAsyncLifetime
{
    protected ReferenceDataFixture Fixture => fixture;

    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

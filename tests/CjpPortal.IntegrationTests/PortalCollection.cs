using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests;

/// <summary>Every HTTP test shares one database and one in-memory portal (created once for the assembly), and the
/// tests in the collection run one after another, so a test that changes data can reset it safely.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}

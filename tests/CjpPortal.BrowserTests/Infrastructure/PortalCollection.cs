namespace CjpPortal.BrowserTests.Infrastructure;

/// <summary>Every browser test joins this collection, so the assembly starts one portal and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal in a browser";
}

namespace CjpPortal.Core.Refresh;

/// <summary>Absolute links for the refresh e-mails. The web app implements it from <c>Portal:BaseUrl</c> (Core has no
/// request to take an address from, and must not guess one).</summary>
public interface IRefreshLinks
{
    /// <summary>/manage/partnerships/{slug}/review: the walk-through that ends in "confirm the entry is correct", with
    /// the signed token naming the partnership and the refresh <paramref name="year"/> (<see cref="ReviewLinkTokens"/>).</summary>
    Uri Review(string slug, int year);

    /// <summary>/manage/partnerships/{slug}/returns.</summary>
    Uri Returns(string slug);

    /// <summary>/national/refresh: the refresh's progress, for CJS staff.</summary>
    Uri Progress();
}

using System.Net;
using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests.Operations;

[Collection(PortalCollection.Name)]
public sealed class CompressionTests(PortalFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>One test signs a coordinator in, which adds an account and a partnership assignment.</summary>
    public Task DisposeAsync() => fixture.ResetDataAsync();

    [Theory]
    [InlineData("/", "br", "br")]
    [InlineData("/", "gzip", "gzip")]
    [InlineData("/directory.csv", "gzip, br", "br")]
    public async Task Get_ClientAcceptsCompression_ResponseIsCompressed(string url, string accept, string expected)
    {
        // Arrange: the in-memory client does not decompress, so the encoding stays visible.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);

        // Act
        var response = await fixture.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("https://localhost/account/sign-in")]
    [InlineData("https://localhost/account/forgot-password")]
    [InlineData("http://localhost/account/sign-in")]
    [InlineData("https://localhost/Account/Sign-In")]
    public async Task Get_AccountPageWhenClientAcceptsCompression_ResponseIsPlain(string url)
    {
        // Arrange: BREACH needs a compressed response carrying a secret (here the antiforgery token).
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");

        // Act
        var response = await fixture.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains(Forms.AntiforgeryField, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PublicPageOverHttps_ResponseIsStillCompressed()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("https://localhost/partnerships"));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");

        // Act
        var response = await fixture.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Get_ManagePageForSignedInEditorWhenClientAcceptsCompression_ResponseIsPlain()
    {
        // Arrange
        using var client = await Manage.ManageUsers.CoordinatorAsync(fixture);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/manage/partnerships/falkirk/details", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");

        // Act
        var response = await client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Get_ClientAcceptsNoCompression_ResponseIsPlain()
    {
        // Act
        var response = await fixture.Client.GetAsync(new Uri("/", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}

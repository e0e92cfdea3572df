using CjpPortal.Web.Infrastructure;

namespace CjpPortal.UnitTests.Infrastructure;

/// <summary>The published app is started as <c>dotnet out/CjpPortal.Web.dll</c> from anywhere (the README runs it from
/// the repository root), and must still read out/appsettings.json and serve out/wwwroot; <c>dotnet run</c> starts it
/// in the project folder, which has both and must stay the content root.</summary>
public sealed class ContentRootTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("cjp-content-root-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Choose_StartedFromAnotherFolder_UsesTheAppsOwnFolder()
    {
        // Arrange: the repository root (no appsettings.json) and the published app beside it
        var current = Folder("repository");
        var published = Folder("repository/out", "appsettings.json", "CjpPortal.Web.dll");

        // Act
        var chosen = ContentRoot.Choose(current, published);

        // Assert
        Assert.Equal(published, chosen);
    }

    [Fact]
    public void Choose_StartedInTheAppsFolder_UsesIt()
    {
        // Arrange
        var published = Folder("out", "appsettings.json", "CjpPortal.Web.dll");

        // Act
        var chosen = ContentRoot.Choose(published, published);

        // Assert
        Assert.Equal(published, chosen);
    }

    [Fact]
    public void Choose_DotnetRunInTheProjectFolder_KeepsTheProjectFolder()
    {
        // Arrange: dotnet run starts the build output with the project folder as the current directory
        var project = Folder("src/CjpPortal.Web", "appsettings.json", "CjpPortal.Web.csproj");
        var output = Folder("src/CjpPortal.Web/bin/Debug/net10.0", "appsettings.json", "CjpPortal.Web.dll");

        // Act
        var chosen = ContentRoot.Choose(project, output);

        // Assert
        Assert.Equal(project, chosen);
    }

    [Fact]
    public void Choose_NeitherFolderHasSettings_KeepsTheCurrentDirectory()
    {
        // Arrange
        var current = Folder("somewhere");
        var other = Folder("elsewhere");

        // Act
        var chosen = ContentRoot.Choose(current, other);

        // Assert
        Assert.Equal(current, chosen);
    }

    private string Folder(string relative, params string[] files)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(path);
        foreach (var file in files)
        {
            File.WriteAllText(Path.Combine(path, file), "{}");
        }

        return path;
    }
}

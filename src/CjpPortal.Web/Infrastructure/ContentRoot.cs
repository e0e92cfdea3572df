namespace CjpPortal.Web.Infrastructure;

/// <summary>Where the portal finds its own files (appsettings.json, wwwroot). ASP.NET Core takes the current directory,
/// so <c>dotnet out/CjpPortal.Web.dll migrate</c> run from the repository root (as the README shows) read no
/// out/appsettings.json and the server started that way served no CSS or JavaScript. The app's own folder is used
/// instead when the current directory has no appsettings.json and that folder has one. <c>dotnet run</c>, started in
/// the project folder (which has appsettings.json), keeps the project folder and its static web assets, and so do the
/// test hosts.</summary>
public static class ContentRoot
{
    public const string SettingsFile = "appsettings.json";

    /// <summary>The folder to use as the content root: <paramref name="currentDirectory"/> unless only
    /// <paramref name="baseDirectory"/> (the folder holding the app's assembly) has the settings file.</summary>
    public static string Choose(string currentDirectory, string baseDirectory) =>
        !HasSettings(currentDirectory) && HasSettings(baseDirectory) ? baseDirectory : currentDirectory;

    /// <summary>The builder options for <paramref name="args"/>, with the content and web roots moved to the app's own
    /// folder when <see cref="Choose"/> says so; otherwise ASP.NET Core's defaults, untouched.</summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var current = Directory.GetCurrentDirectory();
        var chosen = Choose(current, AppContext.BaseDirectory);
        return chosen == current
            ? new WebApplicationOptions { Args = args }
            : new WebApplicationOptions { Args = args, ContentRootPath = chosen, WebRootPath = Path.Combine(chosen, "wwwroot") };
    }

    private static bool HasSettings(string directory) => File.Exists(Path.Combine(directory, SettingsFile));
}

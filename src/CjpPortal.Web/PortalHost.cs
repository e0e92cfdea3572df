namespace CjpPortal.Web;

public static class PortalHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        app.MapRazorPages();
        await app.RunAsync();
        return 0;
    }
}

using System.Diagnostics;
using System.Text.Json;

namespace CjpPortal.IntegrationTests.OpenData;

/// <summary>Validates the API's responses with ajv (npm, tests/CjpPortal.IntegrationTests/package.json): each response
/// is written to a folder with a manifest naming its OpenAPI operation, then <c>validate-openreferral.mjs</c> checks
/// them all against Schemas/openapi.json and the schema files it refers to, page envelopes included. A failure carries
/// ajv's error list.</summary>
internal sealed class OpenReferralAjv : IDisposable
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "OpenData");
    private readonly string responses = System.IO.Directory.CreateTempSubdirectory("cjp-openreferral-").FullName;
    private readonly List<object> manifest = [];

    /// <summary>Keeps <paramref name="json"/>, the answer to <paramref name="url"/>, for the operation
    /// <paramref name="operation"/> (a path of the OpenAPI document, e.g. <c>/services/{id}</c>).</summary>
    public void Add(string operation, string url, string json)
    {
        var file = $"{manifest.Count:D3}.json";
        File.WriteAllText(Path.Combine(responses, file), json);
        manifest.Add(new { file, operation, url });
    }

    public async Task AssertAllMatchAsync()
    {
        Assert.NotEmpty(manifest);
        await File.WriteAllTextAsync(Path.Combine(responses, "manifest.json"), JsonSerializer.Serialize(manifest));
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Folder, "validate-openreferral.mjs"));
        start.ArgumentList.Add(Path.Combine(Folder, "Schemas"));
        start.ArgumentList.Add(responses);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0,
            $"ajv: the responses do not all match the Open Referral UK schemas (exit code {process.ExitCode}; " +
            $"is ajv installed? npm ci in tests/CjpPortal.IntegrationTests):\n{await output}{await errors}");
    }

    public void Dispose() => System.IO.Directory.Delete(responses, recursive: true);
}

using System.Collections.Concurrent;
using System.Net;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>One log line per request with method, route template, status and time; nothing a visitor typed (query
/// strings, form values, tokens in links) reaches the logs, even with ASP.NET Core's own logging turned up.</summary>
[Collection(PortalCollection.Name)]
public sealed class RequestLoggingTests(PortalFixture fixture)
{
    private const string RequestLoggingSource = "Serilog.AspNetCore.RequestLoggingMiddleware";

    [Fact]
    public async Task Get_PageWithQueryString_LogsOneLineWithMethodRouteTemplateStatusAndTime()
    {
        // Arrange
        var sink = new CapturingSink();
        await using var factory = WithLogSink(sink);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Act
        using var response = await client.GetAsync(new Uri("/partnerships/falkirk?q=needle-in-query", UriKind.Relative));
        var lines = await sink.RequestLinesAsync(1);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = Assert.Single(lines);
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Equal("GET", Scalar(line, "RequestMethod"));
        Assert.Equal("/partnerships/{slug}", Scalar(line, "RequestPath"));
        Assert.Equal(200, Scalar(line, "StatusCode"));
        Assert.IsType<double>(Scalar(line, "Elapsed"));
        Assert.StartsWith("HTTP \"GET\" \"/partnerships/{slug}\" responded 200 in ", line.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("needle-in-query", sink.AllAsJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_InvitationLinkWithQueryString_LogsNeitherTokenNorQueryString()
    {
        // Arrange: ASP.NET Core's own request logging (which prints full URLs) turned up to Information
        var sink = new CapturingSink();
        await using var factory = WithLogSink(sink, ("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Information"));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Act
        using var response = await client.GetAsync(new Uri("/account/invitation/tokenNeedle123?next=queryNeedle456", UriKind.Relative));
        var lines = await sink.RequestLinesAsync(1);

        // Assert
        var line = Assert.Single(lines);
        Assert.Equal("/account/invitation/{token}", Scalar(line, "RequestPath"));
        Assert.Equal((int)response.StatusCode, Scalar(line, "StatusCode"));
        Assert.Contains(sink.Events, e => Source(e) != RequestLoggingSource && e.Properties.ContainsKey("RequestPath"));
        var logged = sink.AllAsJson();
        Assert.DoesNotContain("tokenNeedle123", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("queryNeedle456", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SignInForm_LogsNoFormValues()
    {
        // Arrange
        var sink = new CapturingSink();
        await using var factory = WithLogSink(sink, ("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Information"));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetDocumentAsync("/account/sign-in?returnUrl=%2Fmanage%2FreturnNeedle789");

        // Act
        var page = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Email"] = "emailNeedle@example.org",
            ["Password"] = "passwordNeedle 42 harbour",
        });
        var lines = await sink.RequestLinesAsync(2);

        // Assert
        Assert.Equal(new object?[] { "GET", "POST" }, lines.Select(l => Scalar(l, "RequestMethod")));
        Assert.All(lines, l => Assert.Equal("/account/sign-in", Scalar(l, "RequestPath")));
        Assert.Equal((int)page.StatusCode, Scalar(lines[1], "StatusCode"));
        var logged = sink.AllAsJson();
        Assert.DoesNotContain("emailNeedle", logged, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("passwordNeedle", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("returnNeedle789", logged, StringComparison.Ordinal);
    }

    /// <summary>The fixture's portal at Information level, its Serilog events also going to <paramref name="sink"/>.</summary>
    private WebApplicationFactory<Web.PortalOptions> WithLogSink(CapturingSink sink, params (string Key, string Value)[] settings) =>
        fixture.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Serilog:MinimumLevel", "Information");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink));
        });

    private static object? Scalar(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue scalar ? scalar.Value : null;

    private static string? Source(LogEvent logEvent) => Scalar(logEvent, "SourceContext") as string;

    private sealed class CapturingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> events = new();

        public IReadOnlyList<LogEvent> Events => [.. events];

        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

        /// <summary>The request lines, once there are <paramref name="count"/>: the line is written when the pipeline
        /// has finished, which can be just after the client has its response.</summary>
        public async Task<List<LogEvent>> RequestLinesAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            List<LogEvent> lines;
            while ((lines = [.. events.Where(e => Source(e) == RequestLoggingSource)]).Count < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            return lines;
        }

        public string AllAsJson()
        {
            using var text = new StringWriter();
            var formatter = new CompactJsonFormatter();
            foreach (var logEvent in events)
            {
                formatter.Format(logEvent, text);
            }

            return text.ToString();
        }
    }
}

using CjpPortal.Core.Email;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CjpPortal.TestCommon.Smtp;

/// <summary>Outbox dispatchers for tests: the portal's database, clock and services, sending over SMTP to a test
/// <see cref="SmtpServer"/>, with an instance id of the test's choosing (two ids play two portal instances).</summary>
public static class TestDispatchers
{
    public const string From = "CJP Portal <portal@cjp.example.org>";

    public static OutboxDispatcher Create(PortalFixture fixture, SmtpServer server, string instanceId, Action<DispatcherOptions>? configure = null) =>
        Create(fixture, Transport(fixture, server), instanceId, configure);

    public static OutboxDispatcher Create(PortalFixture fixture, IEmailTransport transport, string instanceId, Action<DispatcherOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var options = new DispatcherOptions { InstanceId = instanceId, Enabled = false };
        configure?.Invoke(options);
        return ActivatorUtilities.CreateInstance<OutboxDispatcher>(fixture.Factory.Services, transport, Options.Create(options), Options.Create(Email()));
    }

    public static SmtpEmailTransport Transport(PortalFixture fixture, SmtpServer server)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(server);
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SecureSocketOptions.None, TimeoutSeconds = 10 };
        return new SmtpEmailTransport(Options.Create(smtp), Options.Create(Email()), fixture.Clock, NullLogger<SmtpEmailTransport>.Instance);
    }

    private static EmailOptions Email() => new() { From = From, Transport = EmailTransportKind.Smtp };
}

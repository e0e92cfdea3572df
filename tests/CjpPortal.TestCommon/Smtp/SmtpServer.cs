using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace CjpPortal.TestCommon.Smtp;

/// <summary>A real SMTP server for the mail tests: Debian's aiosmtpd (<c>python3-aiosmtpd</c>, which
/// scripts/lib/prereqs.sh installs for test.sh) on a free port on 127.0.0.1, saving every message it accepts into a
/// Maildir. It can be stopped and started again on the same port, to play an outage.</summary>
public sealed class SmtpServer : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";

    private readonly string[] handler;
    private Process? process;

    private SmtpServer(string[] handler, int port, DirectoryInfo root)
    {
        this.handler = handler;
        Port = port;
        Root = root;
    }

    public int Port { get; }

    /// <summary>A folder of the test's own, holding the Maildir.</summary>
    public DirectoryInfo Root { get; }

    public string Maildir => Path.Combine(Root.FullName, "Maildir");

    /// <summary>aiosmtpd's own Maildir handler: accepts every recipient.</summary>
    public static Task<SmtpServer> StartAsync() => StartAsync(root => ["aiosmtpd.handlers.Mailbox", Path.Combine(root, "Maildir")]);

    /// <summary>A Maildir that refuses <paramref name="refusedAddress"/> with 550 (refusing_mailbox.py beside this file).</summary>
    public static Task<SmtpServer> StartRefusingAsync(string refusedAddress) =>
        StartAsync(root => ["refusing_mailbox.RefusingMailbox", Path.Combine(root, "Maildir"), refusedAddress]);

    private static async Task<SmtpServer> StartAsync(Func<string, string[]> handler)
    {
        var root = Directory.CreateTempSubdirectory("cjp-smtp-");
        var server = new SmtpServer(handler(root.FullName), FreePort(), root);
        await server.StartAsync(CancellationToken.None);
        return server;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (process is not null)
        {
            throw new InvalidOperationException("The SMTP server is already running.");
        }

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c" }.Concat(handler))
        {
            start.ArgumentList.Add(argument);
        }

        // refusing_mailbox.py is copied beside the test assemblies.
        start.Environment["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Smtp");
        process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await AcceptsAsync(cancellationToken))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                var exited = process.HasExited;
                await StopAsync();
                throw new InvalidOperationException(exited
                    ? "aiosmtpd exited at once; is python3-aiosmtpd installed? (apt-get install python3-aiosmtpd)"
                    : $"aiosmtpd did not accept connections on port {Port} within 20 seconds.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Stops the server (the messages already saved stay).</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    /// <summary>Every message saved so far, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(file => MimeMessage.Load(file))]
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Root.Delete(recursive: true);
    }

    private async Task<bool> AcceptsAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

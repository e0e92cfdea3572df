using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CjpPortal.TestCommon;

/// <summary>The SQL commands EF Core runs on one database while this is open, from every host in the test process
/// (EF Core's DiagnosticListener, so the portal's services are left as they are). Commands on other databases (other
/// test collections running at the same time) are ignored. Open it with <see cref="StartAsync"/>.</summary>
public sealed class SqlLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string database;
    private readonly ConcurrentQueue<string> commands = new();
    private readonly List<IDisposable> subscriptions = [];
    private IDisposable? all;

    private SqlLog(string database) => this.database = database;

    /// <summary>Starts listening for commands on <paramref name="database"/>. A context that ran a command while no one
    /// listened does not look again for a second (EF Core's logging cache time), so this waits that long before
    /// returning: every command after it is seen.</summary>
    public static async Task<SqlLog> StartAsync(string database)
    {
        var log = new SqlLog(database);
        log.all = DiagnosticListener.AllListeners.Subscribe(log);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        return log;
    }

    /// <summary>The command texts seen since the last call, oldest first; the log is emptied.</summary>
    public IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (commands.TryDequeue(out var command))
        {
            taken.Add(command);
        }

        return taken;
    }

    public void Dispose()
    {
        all?.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
            subscriptions.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandEventData data && data.Command.Connection?.Database == database)
        {
            commands.Enqueue(data.Command.CommandText);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}

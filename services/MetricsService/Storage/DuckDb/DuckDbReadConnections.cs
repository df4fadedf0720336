using System.Collections.Concurrent;
using DuckDB.NET.Data;

namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// Idle read connections on the shared database instance, reused across queries: opening one per
/// query cost about as much as a small query itself. A connection serves one query at a time; each
/// statement still sees the latest committed data (auto-commit).
/// </summary>
internal sealed class DuckDbReadConnections(string connectionString) : IDisposable
{
    /// <summary>More idle connections than this are closed: twice the cores covers concurrent queries.</summary>
    private static readonly int MaxIdle = Math.Max(4, Environment.ProcessorCount * 2);

    private readonly ConcurrentBag<DuckDBConnection> _idle = [];
    private volatile bool _disposed;

    public async Task<DuckDBConnection> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var connection))
        {
            return connection;
        }

        connection = new DuckDBConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Takes back a connection whose last query completed; one that failed is closed instead by the caller.</summary>
    public void Return(DuckDBConnection connection)
    {
        if (_disposed || _idle.Count >= MaxIdle)
        {
            connection.Dispose();
            return;
        }

        _idle.Add(connection);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}

using System.Collections.Concurrent;
using System.Data.Common;
using Apache.Arrow;
using DuckDB.NET.Data;

namespace AirisEpm.DuckDbStorage;

/// <summary>
/// Idle read connections on the shared database instance, reused across queries: opening one per
/// query cost about as much as a small query itself. A connection serves one query at a time; each
/// statement still sees the latest committed data (auto-commit). Shared by every embedded DuckDB store
/// (metrics-service, trace-service): one writer connection per file, these for the readers.
/// </summary>
public sealed class DuckDbReadConnections(string connectionString) : IDisposable
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

    /// <summary>
    /// Runs one query on a rented connection and hands each row to <paramref name="row"/>; the connection goes
    /// back to the pool when the query completed and is closed when it failed.
    /// </summary>
    public async Task ReadAsync(string sql, Action<DuckDBCommand>? bind, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var connection = await RentAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            bind?.Invoke(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                row(reader);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        Return(connection);
    }

    /// <summary>
    /// Runs one query on a rented connection and hands its result to <paramref name="batch"/> as Arrow record batches,
    /// whole columns at a time (a reader's per-row calls cost more than the scan for large results).
    /// </summary>
    public async Task ReadBatchesAsync(string sql, Action<RecordBatch> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var connection = await RentAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await foreach (var records in command.ExecuteArrowBatchesAsync(cancellationToken))
            {
                using (records)
                {
                    batch(records);
                }
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        Return(connection);
    }
}

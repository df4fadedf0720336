using DuckDB.NET.Data;

namespace AirisEpm.DuckDbStorage;

/// <summary>
/// The one writer connection of an embedded DuckDB file: its folder is created when the writer is made, the
/// connection is opened (and the schema migrated) by the first <see cref="InitializeAsync"/>, and every write
/// runs on it under one lock, so writes are serialised and a later <see cref="InitializeAsync"/> is a no-op.
/// Readers take their own pooled connections on the same database instance (<see cref="DuckDbReadConnections"/>,
/// from <see cref="ConnectionString"/>) and run beside writes under DuckDB's MVCC.
/// </summary>
public sealed class DuckDbWriter : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly string _name;
    private DuckDBConnection? _connection;

    /// <param name="path">The database file; its folder is created when missing.</param>
    /// <param name="name">What the file holds, for the error of a write before <see cref="InitializeAsync"/>.</param>
    /// <param name="settings">
    /// DuckDB settings of the database instance (<c>memory_limit</c>, the allocator's), given when it is created: DuckDB.NET
    /// passes every connection-string key it does not know to DuckDB, and every connection (readers too) opens the same
    /// instance with them. Some take effect only so (DuckDB starts its allocator's background threads with its scheduler).
    /// </param>
    public DuckDbWriter(string path, string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ConnectionString = $"Data Source={path}" + string.Concat((settings ?? new Dictionary<string, string>()).Select(s => $";{s.Key}={s.Value}"));
        _name = name;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    public string ConnectionString { get; }

    /// <summary>Opens the writer connection and runs <paramref name="migrate"/> on it, once; later calls return at once.</summary>
    public async Task InitializeAsync(Action<DuckDBConnection> migrate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migrate);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not null)
            {
                return;
            }

            var connection = new DuckDBConnection(ConnectionString);
            try
            {
                connection.Open();
                migrate(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            _connection = connection;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Runs <paramref name="write"/> on the writer connection, alone; throws when the file is not initialised.</summary>
    public async Task<T> WriteAsync<T>(Func<DuckDBConnection, T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return write(_connection ?? throw new InvalidOperationException($"The DuckDB {_name} store is not initialised."));
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// As <see cref="WriteAsync{T}"/>, blocking the calling thread while it waits and runs: for a caller with a thread of
    /// its own for long writes (an applier's transactions take seconds), which would otherwise hold a thread-pool thread
    /// that long.
    /// </summary>
    public void Write(Action<DuckDBConnection> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        _lock.Wait(cancellationToken);
        try
        {
            write(_connection ?? throw new InvalidOperationException($"The DuckDB {_name} store is not initialised."));
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task WriteAsync(Action<DuckDBConnection> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return WriteAsync(c => { write(c); return true; }, cancellationToken);
    }

    /// <summary>Runs one statement that returns no rows; returns the rows it changed.</summary>
    public static int Execute(DuckDBConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    // The semaphore is disposed with the connection: a write still waiting would fail with ObjectDisposedException either way.
    public void Dispose()
    {
        _connection?.Dispose();
        _lock.Dispose();
    }
}

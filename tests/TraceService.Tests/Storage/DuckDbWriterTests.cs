using AirisEpm.DuckDbStorage;

namespace AirisEpm.TraceService.Tests.Storage;

/// <summary>The writer connection both embedded trace-service stores use (<see cref="DuckDbWriter"/>).</summary>
public sealed class DuckDbWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("airis-duckdb-writer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_folder_is_made_the_schema_migrated_once_and_a_write_before_it_refused()
    {
        using var writer = new DuckDbWriter(Path.Combine(_folder, "nested", "deeper", "x.duckdb"), "test");
        Assert.True(Directory.Exists(Path.Combine(_folder, "nested", "deeper")));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(_ => { }, Ct));
        Assert.Contains("test store is not initialised", refused.Message, StringComparison.Ordinal);

        var migrations = 0;
        void Migrate(DuckDB.NET.Data.DuckDBConnection c)
        {
            migrations++;
            DuckDbWriter.Execute(c, "CREATE TABLE t (n INTEGER)");
        }

        await writer.InitializeAsync(Migrate, Ct);
        await writer.InitializeAsync(Migrate, Ct);
        Assert.Equal(1, migrations);
        Assert.Equal(3, await writer.WriteAsync(c => DuckDbWriter.Execute(c, "INSERT INTO t VALUES (1), (2), (3)"), Ct));
    }

    [Fact]
    public async Task Writes_run_one_at_a_time()
    {
        using var writer = new DuckDbWriter(Path.Combine(_folder, "y.duckdb"), "test");
        await writer.InitializeAsync(c => DuckDbWriter.Execute(c, "CREATE TABLE t (n INTEGER)"), Ct);
        var inside = 0;
        var most = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => writer.WriteAsync(c =>
        {
            most = Math.Max(most, Interlocked.Increment(ref inside));
            DuckDbWriter.Execute(c, $"INSERT INTO t VALUES ({i})");
            Thread.Sleep(5);
            Interlocked.Decrement(ref inside);
        }, Ct), Ct)));
        Assert.Equal(1, most);
        Assert.Equal(8L, await writer.WriteAsync(c => { using var q = c.CreateCommand(); q.CommandText = "SELECT count(*) FROM t"; return (long)q.ExecuteScalar()!; }, Ct));
    }

    /// <summary>
    /// The trace file's settings are the database instance's from its creation: SET allocator_background_threads on an
    /// open instance left the allocator's threads off, so its freed memory stayed resident until the next allocation.
    /// </summary>
    [Fact]
    public async Task The_trace_stores_settings_are_the_database_instances_from_its_creation()
    {
        var options = new TraceService.Storage.DuckDb.DuckDbWriteOptions { MemoryLimit = "64MB", AllocatorFlushThreshold = "16MB" };
        using var writer = new DuckDbWriter(Path.Combine(_folder, "settings.duckdb"), "test", options.DatabaseSettings());
        await writer.InitializeAsync(_ => { }, Ct);
        Task<string> SettingAsync(string name) => writer.WriteAsync(c =>
        {
            using var q = c.CreateCommand();
            q.CommandText = $"SELECT current_setting('{name}')::VARCHAR";
            return (string)q.ExecuteScalar()!;
        }, Ct);

        Assert.Equal("61.0 MiB", await SettingAsync("memory_limit")); // DuckDB's MB is 1000 × 1000 bytes
        Assert.Equal("15.2 MiB", await SettingAsync("allocator_flush_threshold"));
        Assert.Equal("true", await SettingAsync("allocator_background_threads"));

        // A reader opens the same instance, with the same settings.
        using var reader = new DuckDB.NET.Data.DuckDBConnection(writer.ConnectionString);
        reader.Open();
        using var query = reader.CreateCommand();
        query.CommandText = "SELECT current_setting('memory_limit')::VARCHAR";
        Assert.Equal("61.0 MiB", (string)query.ExecuteScalar()!);
    }

    /// <summary>On Linux libduckdb has its own jemalloc, whose control the applier calls after each transaction; elsewhere it is a no-op.</summary>
    [Fact]
    public async Task DuckDbs_allocator_is_reached_where_libduckdb_has_one()
    {
        using var writer = new DuckDbWriter(Path.Combine(_folder, "purge.duckdb"), "test");
        await writer.InitializeAsync(c => DuckDbWriter.Execute(c, "CREATE TABLE t AS SELECT range AS n, repeat('x', 100) AS s FROM range(100000)"), Ct);
        Assert.Equal(OperatingSystem.IsLinux(), DuckDbAllocator.Purge());
    }

    [Fact]
    public async Task A_migration_that_throws_leaves_it_closed_so_the_next_initialise_tries_again()
    {
        using var writer = new DuckDbWriter(Path.Combine(_folder, "z.duckdb"), "test");
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.InitializeAsync(_ => throw new InvalidOperationException("no"), Ct));
        await writer.InitializeAsync(c => DuckDbWriter.Execute(c, "CREATE TABLE t (n INTEGER)"), Ct);
        Assert.Equal(1, await writer.WriteAsync(c => DuckDbWriter.Execute(c, "INSERT INTO t VALUES (1)"), Ct));
    }
}

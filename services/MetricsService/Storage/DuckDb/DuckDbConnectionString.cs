namespace AirisEpm.MetricsService.Storage.DuckDb;

/// <summary>
/// The one connection string for the embedded store's file: DuckDB.NET passes every key it does not know to DuckDB as
/// a setting (<c>memory_limit</c>, <c>threads</c>, the allocator's), and every connection in the process (the store's, the side data's)
/// opens the same database instance with the same settings.
/// </summary>
public static class DuckDbConnectionString
{
    public static string For(string path, MetricStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"Data Source={path};memory_limit={options.DuckDbMemoryLimit};allocator_flush_threshold={options.DuckDbAllocatorFlushThreshold}"
            + $";allocator_background_threads={(options.DuckDbAllocatorBackgroundThreads ? "true" : "false")}"
            + (options.DuckDbThreads > 0 ? $";threads={options.DuckDbThreads}" : "");
    }
}

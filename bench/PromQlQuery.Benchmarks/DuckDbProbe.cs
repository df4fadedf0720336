using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace AirisEpm.PromQlQuery.Benchmarks;

/// <summary>
/// What the store's point read costs inside DuckDB, over the service's file once nothing else has it open: the same
/// filter as <c>PointsAsync</c> (the metric's series ids, the time window) counted in DuckDB (scan and filter, no
/// rows out); the store's former statement with its <c>ORDER BY series_id, ts</c> with every row read through
/// ADO.NET and dropped (what the sort and the row-by-row transfer cost); and the store's statement now, in stored
/// order, read as Arrow batches (whole columns). The store's points figure beyond the last is its collection of the
/// columns per series (and its head).
/// </summary>
public static class DuckDbProbe
{
    public static void Run(string duckDbPath, BenchData data, IEnumerable<string> metrics)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(metrics);
        using var connection = new DuckDBConnection($"Data Source={duckDbPath}");
        connection.Open();
        var (start, end) = BenchQuery.Window(data);
        var from = start - 300_000;
        Console.WriteLine("| metric | series | DuckDB scan + filter + count ms | + sort + rows read through ADO.NET ms | no sort, Arrow batches ms | rows |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var metric in metrics)
        {
            var ids = new List<long>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT id FROM series WHERE name = $name";
                command.Parameters.Add(new DuckDBParameter("name", metric));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    ids.Add(reader.GetInt64(0));
                }
            }

            var filter = $"FROM samples WHERE series_id IN ({string.Join(',', ids)}) AND ts BETWEEN {from} AND {end}";
            var (countMs, rows) = Median(() => Scalar(connection, "SELECT count(*) " + filter));
            var (readMs, _) = Median(() => ReadAll(connection, "SELECT series_id, ts, value " + filter + " ORDER BY series_id, ts"));
            var (arrowMs, _) = Median(() => ReadBatches(connection, "SELECT series_id, ts, value " + filter));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {metric} | {ids.Count:N0} | {countMs:F1} | {readMs:F1} | {arrowMs:F1} | {rows:N0} |"));
        }
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static long ReadAll(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            // Each value read as the store reads it; the values themselves are not needed.
            _ = reader.GetInt64(0);
            _ = reader.GetInt64(1);
            _ = reader.GetDouble(2);
            rows++;
        }

        return rows;
    }

    private static long ReadBatches(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var stream = command.ExecuteArrowStream();
        long rows = 0;
        while (stream.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
        {
            using (batch)
            {
                rows += batch.Length;
            }
        }

        return rows;
    }

    /// <summary>Median wall ms of three runs after a warm-up, and what the run returned.</summary>
    private static (double Ms, long Result) Median(Func<long> run)
    {
        var result = run();
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            result = run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (times.Order().ElementAt(1), result);
    }
}

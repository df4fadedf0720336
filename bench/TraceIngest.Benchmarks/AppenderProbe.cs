using System.Diagnostics;
using System.Globalization;
using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.TraceService.Ingest.Otlp;
using AirisEpm.TraceService.Storage;
using DuckDB.NET.Data;
using Google.Protobuf;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>Temporary: what each part of a span row costs DuckDB.NET's appender.</summary>
internal static class AppenderProbe
{
    public static void Run(int spans)
    {
        var all = Enumerable.Range(0, spans / 512).SelectMany(b => OtlpSpanConverter.Convert(OtlpBody.Parse(SyntheticSpans.Otlp((6 << 24) + (b * 512), 512).ToByteArray(), false, ExportTraceServiceRequest.Parser), new IngestProblems())).ToList();
        var folder = Directory.CreateTempSubdirectory("airis-appender-").FullName;
        using var c = new DuckDBConnection($"Data Source={Path.Combine(folder, "a.duckdb")}");
        c.Open();
        Exec(c, """
            CREATE TABLE s (trace_id VARCHAR NOT NULL, span_id VARCHAR NOT NULL, parent_span_id VARCHAR, service VARCHAR NOT NULL,
                name VARCHAR NOT NULL, kind TINYINT NOT NULL, start_ns BIGINT NOT NULL, duration_ns BIGINT NOT NULL,
                status TINYINT NOT NULL, status_message VARCHAR);
            CREATE TABLE l (k VARCHAR[] NOT NULL, v VARCHAR[] NOT NULL, t UTINYINT[] NOT NULL, rk VARCHAR[] NOT NULL, rv VARCHAR[] NOT NULL, rt UTINYINT[] NOT NULL);
            CREATE TABLE j (a VARCHAR NOT NULL, e VARCHAR NOT NULL);
            CREATE TABLE b (a BLOB NOT NULL);
            """);
        Time("columns: scalar 10", all.Count, () =>
        {
            using var t = c.BeginTransaction();
            using (var a = c.CreateAppender("s"))
            {
                foreach (var span in all)
                {
                    var row = a.CreateRow().AppendValue(span.TraceId).AppendValue(span.SpanId);
                    row = span.ParentSpanId is null ? row.AppendNullValue() : row.AppendValue(span.ParentSpanId);
                    row = row.AppendValue(span.Service).AppendValue(span.Name).AppendValue((sbyte)span.Kind).AppendValue(span.StartNs).AppendValue(span.DurationNs).AppendValue((sbyte)span.Status);
                    (span.StatusMessage is null ? row.AppendNullValue() : row.AppendValue(span.StatusMessage)).EndRow();
                }
            }

            t.Commit();
        });
        var columns = all.Select(s => (AttributeColumns.From(s.Attributes), AttributeColumns.From(s.Resource))).ToList();
        Time("AttributeColumns.From x2", all.Count, () => { foreach (var s in all) { AttributeColumns.From(s.Attributes); AttributeColumns.From(s.Resource); } });
        Time("columns: 6 lists", all.Count, () =>
        {
            using var t = c.BeginTransaction();
            using (var a = c.CreateAppender("l"))
            {
                foreach (var (x, y) in columns)
                {
                    a.CreateRow().AppendValue<string>(x.Keys).AppendValue<string>(x.Values).AppendValue<byte>(x.Types)
                        .AppendValue<string>(y.Keys).AppendValue<string>(y.Values).AppendValue<byte>(y.Types).EndRow();
                }
            }

            t.Commit();
        });
        var json = all.Select(s => JsonAttributes(s.Attributes)).ToList();
        Time("columns: 2 json text", all.Count, () =>
        {
            using var t = c.BeginTransaction();
            using (var a = c.CreateAppender("j"))
            {
                for (var i = 0; i < all.Count; i++) a.CreateRow().AppendValue(json[i]).AppendValue(SpanJson.Events(all[i].Events)).EndRow();
            }

            t.Commit();
        });
        var blobs = json.Select(j => System.Text.Encoding.UTF8.GetBytes(j)).ToList();
        Time("columns: 1 blob", all.Count, () =>
        {
            using var t = c.BeginTransaction();
            using (var a = c.CreateAppender("b"))
            {
                foreach (var blob in blobs) a.CreateRow().AppendValue(blob).EndRow();
            }

            t.Commit();
        });
        Directory.Delete(folder, recursive: true);
    }

    private static string JsonAttributes(IReadOnlyDictionary<string, TraceService.Domain.AttributeValue> attributes) =>
        string.Join(",", attributes.Select(a => $"{a.Key}={a.Value.Text}"));

    private static void Exec(DuckDBConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Time(string what, int items, Action run)
    {
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        run();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-30} wall {watch.Elapsed.TotalMicroseconds / items,7:F2} µs/span CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / items,7:F2} µs/span"));
    }
}

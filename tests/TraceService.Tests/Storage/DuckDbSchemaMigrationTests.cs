using AirisEpm.DuckDbStorage;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage;
using AirisEpm.TraceService.Storage.DuckDb;
using DuckDB.NET.Data;
using static AirisEpm.TraceService.Tests.Storage.Spans;

namespace AirisEpm.TraceService.Tests.Storage;

/// <summary>A file of schema version 1 (attribute lists, trace_index) opened by today's store: version 2 copies it over.</summary>
public sealed class DuckDbSchemaMigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("airis-trace-migration-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Version_1_rows_are_read_back_with_typed_attributes_and_found_by_trace_and_tag()
    {
        var path = Path.Combine(_folder, "traces.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            DuckDbTraceSchema.Migrate(connection, through: 1);
            DuckDbWriter.Execute(connection, $"""
                INSERT INTO spans VALUES
                    ('{Trace(1)}', '{Id(1)}', NULL, 'checkout', 'GET /cart', 2, {At(0)}, 5000000, 2, 'boom',
                     ['http.status_code', 'odd' || chr(30) || 'key'], ['500', 'a' || chr(31) || 'b'], [2, 0], ['service.name'], ['checkout'], [0], '[]', '[]'),
                    ('{Trace(1)}', '{Id(2)}', '{Id(1)}', 'cart', 'load', 3, {At(1)}, 1000000, 0, NULL, [], [], [], ['service.name'], ['cart'], [0], '[]', '[]'),
                    ('{Trace(2)}', '{Id(3)}', NULL, 'cart', 'other', 2, {At(2)}, 1000000, 0, NULL, [], [], [], ['service.name'], ['cart'], [0], '[]', '[]');
                INSERT INTO trace_index VALUES ('{Trace(1)}', {At(0)}, {At(1)}), ('{Trace(2)}', {At(2)}, {At(2)});
                """);
        }

        using var store = new DuckDbTraceStore(path);
        await store.InitializeAsync(Ct);
        var trace = await store.GetTraceAsync(Trace(1), Ct);

        Assert.Equal([Id(1), Id(2)], trace.Select(s => s.SpanId));
        var root = trace[0];
        Assert.Equal((SpanStatus.Error, "boom", SpanKind.Server), (root.Status, root.StatusMessage, root.Kind));
        Assert.Equal(new AttributeValue(AttributeType.Int, "500"), root.Attributes["http.status_code"]);
        Assert.Equal("a\u001Fb", root.Attributes["odd\u001Ekey"].Text);
        Assert.Equal("checkout", root.Resource["service.name"].Text);
        Assert.Empty(trace[1].Attributes);
        var found = await store.SearchAsync(new TraceQuery(At(0), At(10), Tags: new Dictionary<string, string> { ["odd\u001Ekey"] = "a\u001Fb" }), Ct);
        Assert.Equal([Trace(1)], found.Select(f => f.TraceId));

        // Written after the migration: numbered on from the copied rows, found beside them.
        await store.WriteAsync([Make(2, 4, 3, service: "cart", startMs: 3)], Ct);
        Assert.Equal([Id(3), Id(4)], (await store.GetTraceAsync(Trace(2), Ct)).Select(s => s.SpanId));
    }
}

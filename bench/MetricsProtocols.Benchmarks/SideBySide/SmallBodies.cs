using System.Globalization;
using System.Text;
using AirisEpm.Benchmarks;
using Google.Protobuf;
using AirisEpm.Protocols.Otlp.Proto;

namespace AirisEpm.MetricsProtocols.Benchmarks.SideBySide;

/// <summary>
/// One sample per request in each ingest protocol, for the 32-client closed loop. Client <c>c</c>'s request
/// <c>k</c> carries series <c>k % 50</c> of that client at <c>t0 + k</c> ms, so every series' samples arrive in time order.
/// </summary>
internal static class SmallBodies
{
    public const int SeriesPerClient = 50;

    public static RequestBody Json(int client, int k, long t0)
    {
        var json = string.Create(CultureInfo.InvariantCulture,
            $$$"""{"metrics":[{"name":"bench_single_json","value":{{{k * 0.5}}},"timestamp":{{{t0 + k}}},"labels":{"client":"c{{{client}}}","series":"s{{{k % SeriesPerClient}}}"}}]}""");
        return new RequestBody("/api/v1/metrics", "application/json", Encoding.UTF8.GetBytes(json), 1);
    }

    public static RequestBody RemoteWrite(int client, int k, long t0) =>
        RemoteWriteBody.Build([RemoteWriteBody.SeriesLabels(client, k % SeriesPerClient, "bench_single_rw")], t0 + k, k * 0.5);

    public static RequestBody Otlp(int client, int k, long t0)
    {
        var point = new NumberDataPoint { AsDouble = k * 0.5, TimeUnixNano = (ulong)(t0 + k) * 1_000_000 };
        point.Attributes.Add(Attribute("client", $"c{client}"));
        point.Attributes.Add(Attribute("series", $"s{k % SeriesPerClient}"));
        var metric = new Metric { Name = "bench_single_otlp", Gauge = new Gauge() };
        metric.Gauge.DataPoints.Add(point);
        var scope = new ScopeMetrics();
        scope.Metrics.Add(metric);
        var resource = new ResourceMetrics { Resource = new Resource() };
        resource.Resource.Attributes.Add(Attribute("service.name", "bench"));
        resource.ScopeMetrics.Add(scope);
        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(resource);
        return new RequestBody("/v1/metrics", "application/x-protobuf", request.ToByteArray(), 1);
    }

    private static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };
}

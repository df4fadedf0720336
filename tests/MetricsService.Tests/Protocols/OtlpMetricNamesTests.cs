using AirisEpm.PromQl.Model;
using AirisEpm.MetricsService.Protocols;
using AirisEpm.MetricsService.Protocols.Otlp;

namespace AirisEpm.MetricsService.Tests.Protocols;

public sealed class OtlpMetricNamesTests
{
    [Theory]
    [InlineData("http.server.request.duration", "s", false, false, "http_server_request_duration_seconds")]
    [InlineData("http.server.active_requests", "{request}", false, true, "http_server_active_requests")]
    [InlineData("orders.placed", "{order}", true, false, "orders_placed_total")]
    [InlineData("orders.placed.total", "", true, false, "orders_placed_total")]
    [InlineData("process.memory.usage", "By", false, true, "process_memory_usage_bytes")]
    [InlineData("network.io", "By/s", false, true, "network_io_bytes_per_second")]
    [InlineData("cpu.utilization", "1", false, true, "cpu_utilization_ratio")]
    [InlineData("cpu.time", "s", true, false, "cpu_time_seconds_total")]
    [InlineData("process_cpu_seconds", "s", true, false, "process_cpu_seconds_total")]
    [InlineData("requests", "1", true, false, "requests_total")]
    [InlineData("db.client.connections.usage", "{connection}", false, true, "db_client_connections_usage")]
    [InlineData("dotnet.gc.heap.total_allocated", "By", true, false, "dotnet_gc_heap_total_allocated_bytes_total")]
    [InlineData("9lives", "ms", false, true, "_9lives_milliseconds")]
    [InlineData("weird--name", "", false, true, "weird_name")]
    [InlineData("temperature", "Cel", false, true, "temperature_celsius")]
    [InlineData("queue.rate", "{item}/min", false, true, "queue_rate_per_min")]
    public void Names_follow_the_opentelemetry_to_prometheus_convention(string name, string unit, bool counter, bool gauge, string expected)
    {
        Assert.Equal(expected, OtlpMetricNames.Build(name, unit, counter, gauge));
    }

    [Theory]
    [InlineData("service.version", "service_version")]
    [InlineData("http.response.status_code", "http_response_status_code")]
    [InlineData("k8s.pod.name", "k8s_pod_name")]
    [InlineData("0key", "key_0key")]
    [InlineData("a..b", "a_b")]
    [InlineData("ok_name", "ok_name")]
    public void Attribute_keys_become_valid_label_names(string key, string expected)
    {
        Assert.Equal(expected, PrometheusNames.SanitizeLabelName(key));
        Assert.True(PrometheusNames.IsValidLabelName(expected));
    }

    [Theory]
    [InlineData(0.005, "0.005")]
    [InlineData(1000, "1000")]
    [InlineData(2.5, "2.5")]
    [InlineData(0, "0")]
    [InlineData(1e-20, "0.00000000000000000001")]
    [InlineData(1.0905077326652577, "1.0905077326652577")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    public void Bounds_are_formatted_as_prometheus_does_with_strconv_f_shortest(double bound, string expected)
    {
        Assert.Equal(expected, PromFloat.Format(bound));
    }
}

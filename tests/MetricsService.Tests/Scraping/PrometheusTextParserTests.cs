using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Scraping;

namespace AirisEpm.MetricsService.Tests.Scraping;

public sealed class PrometheusTextParserTests
{
    public static TheoryData<string, string, string, double, long?, MetricType> Lines => new()
    {
        // input, expected name, expected labels, value, timestamp, type
        { "# TYPE http_requests_total counter\nhttp_requests_total{method=\"post\",code=\"200\"} 1027 1395066363000", "http_requests_total", "code=200,method=post", 1027, 1395066363000, MetricType.Counter },
        { "# TYPE temp gauge\ntemp -3.5", "temp", "", -3.5, null, MetricType.Gauge },
        { "msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\",error=\"Cannot find file:\\n\\\"FILE.TXT\\\"\"} 1.458255915e9", "msdos_file_access_time_seconds", "error=Cannot find file:\n\"FILE.TXT\",path=C:\\DIR\\FILE.TXT", 1.458255915e9, null, MetricType.Unknown },
        { "metric_without_timestamp_and_labels 12.47", "metric_without_timestamp_and_labels", "", 12.47, null, MetricType.Unknown },
        { "something_weird{problem=\"division by zero\"} +Inf -3982045", "something_weird", "problem=division by zero", double.PositiveInfinity, -3982045, MetricType.Unknown },
        { "neg{a=\"b\"} -Inf", "neg", "a=b", double.NegativeInfinity, null, MetricType.Unknown },
        { "nan NaN", "nan", "", double.NaN, null, MetricType.Unknown },
        { "# TYPE rpc histogram\nrpc_bucket{le=\"0.05\"} 24054", "rpc_bucket", "le=0.05", 24054, null, MetricType.Histogram },
        { "# TYPE rpc summary\nrpc{quantile=\"0.99\"} 76656", "rpc", "quantile=0.99", 76656, null, MetricType.Summary },
        { "# TYPE rpc summary\nrpc_count 2693", "rpc_count", "", 2693, null, MetricType.Summary },
        { "# UNTYPED\n# TYPE u untyped\nu{ spaced = \"x\" , } 1", "u", "spaced=x", 1, null, MetricType.Unknown },
        { "unicode{city=\"Zürich 東京\"} 2\r\n", "unicode", "city=Zürich 東京", 2, null, MetricType.Unknown },
        { "colon:name:total 3", "colon:name:total", "", 3, null, MetricType.Unknown },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Parses_the_exposition_format(string input, string name, string labels, double value, long? timestamp, MetricType type)
    {
        var sample = Assert.Single(PrometheusTextParser.Parse(input));
        Assert.Equal(name, sample.Name);
        Assert.Equal(labels, string.Join(",", sample.Labels.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => $"{l.Name}={l.Value}")));
        Assert.Equal(value, sample.Value);
        Assert.Equal(timestamp, sample.TimestampMs);
        Assert.Equal(type, sample.Type);
    }

    [Theory]
    [InlineData("1bad 1", 1)]
    [InlineData("ok 1\nbad-name 1", 2)]
    [InlineData("m{a=\"unterminated} 1", 1)]
    [InlineData("m{a=unquoted} 1", 1)]
    [InlineData("m{a=\"x\\q\"} 1", 1)]
    [InlineData("m 1\nm twelve", 2)]
    [InlineData("m 1 notatimestamp", 1)]
    [InlineData("m 1 2 3", 1)]
    [InlineData("m{0a=\"x\"} 1", 1)]
    [InlineData("m", 1)]
    public void Malformed_lines_fail_the_scrape_naming_the_line(string input, int line)
    {
        var error = Assert.Throws<ExpositionFormatException>(() => PrometheusTextParser.Parse(input));
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void OpenMetrics_timestamps_are_seconds_created_lines_dropped_exemplars_ignored_and_eof_ends()
    {
        const string input = """
            # TYPE foo counter
            # UNIT foo seconds
            foo_total{a="b"} 17.0 1520879607.789 # {trace_id="KOO5S4vxi0o"} 0.67
            foo_created{a="b"} 1520430000.123
            # TYPE bar info
            bar_info{version="1"} 1
            # EOF
            after_eof 1
            """;

        var samples = PrometheusTextParser.Parse(input, openMetrics: true);

        Assert.Equal(["foo_total", "bar_info"], samples.Select(s => s.Name));
        Assert.Equal(1520879607789, samples[0].TimestampMs);
        Assert.Equal(MetricType.Counter, samples[0].Type);
    }

    [Theory]
    [InlineData("airis-metrics-service.txt", false)]
    [InlineData("airis-metrics-service.openmetrics.txt", true)]
    public void Parses_what_our_own_metrics_endpoint_serves(string file, bool openMetrics)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scraping", "testdata", file));
        var sampleLines = text.Split('\n').Count(l => l.Length > 0 && l[0] != '#' && !l.Contains("_created{", StringComparison.Ordinal) && !l.StartsWith("# EOF", StringComparison.Ordinal));

        var samples = PrometheusTextParser.Parse(text, openMetrics);

        Assert.Equal(sampleLines, samples.Count);
        var buckets = samples.Where(s => s.Name == "aspnetcore_authentication_authenticate_duration_seconds_bucket").ToList();
        Assert.NotEmpty(buckets);
        Assert.All(buckets, b => Assert.Equal(MetricType.Histogram, b.Type));
        Assert.Contains(buckets, b => b.Labels.Any(l => l is { Name: "le", Value: "+Inf" }));
        Assert.Contains(samples, s => s.Type == MetricType.Counter && s.Name.EndsWith("_total", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Type == MetricType.Gauge);
        Assert.Contains(samples, s => s.Name == "target_info" && s.Labels.Any(l => l is { Name: "service_name", Value: "metrics-service" }));
    }
}

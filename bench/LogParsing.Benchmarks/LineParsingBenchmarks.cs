using AirisEpm.LogService.Parsing;
using BenchmarkDotNet.Attributes;

namespace AirisEpm.LogParsing.Benchmarks;

/// <summary>
/// <see cref="RawLineParser.Parse"/> over 2,000 generated lines of one format; every figure is per
/// line (<c>OperationsPerInvoke = 2000</c>), so lines/s = 1e9 / mean ns.
/// </summary>
[MemoryDiagnoser]
public class LineParsingBenchmarks
{
    private readonly RawLineParser _parser = new();
    private readonly long _receivedNs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
    private string[] _lines = [];

    [Params("json", "logfmt", "syslog5424", "syslog3164", "access", "log4j", "spring", "serilog", "python", "klog", "plain")]
    public string Format { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _lines = SampleLines.Synthetic(Format);

    [Benchmark(OperationsPerInvoke = SampleLines.Count)]
    public int Parse()
    {
        var fields = 0;
        foreach (var line in _lines) fields += _parser.Parse(line, _receivedNs).Fields.Count;
        return fields;
    }
}

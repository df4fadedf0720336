using AirisEpm.LogService.Parsing;
using BenchmarkDotNet.Attributes;

namespace AirisEpm.LogParsing.Benchmarks;

/// <summary>
/// Real lines: each LogHub 2k sample line by line (<see cref="RawLineParser"/>) and as one
/// text/plain body (<see cref="MultilineAssembler.ParseText"/>, what the HTTP endpoint will run).
/// Per line: lines/s = 1e9 / mean ns.
/// </summary>
[MemoryDiagnoser]
public class LogHubBenchmarks
{
    private readonly RawLineParser _parser = new();
    private readonly long _receivedNs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
    private string[] _lines = [];
    private string _body = "";

    [Params("Apache", "BGL", "HDFS", "Hadoop", "Linux", "OpenSSH", "Spark", "Zookeeper")]
    public string Dataset { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _lines = SampleLines.LogHub(Dataset);
        _body = string.Join('\n', _lines);
    }

    [Benchmark(OperationsPerInvoke = SampleLines.Count)]
    public int Lines()
    {
        var chars = 0;
        foreach (var line in _lines) chars += _parser.Parse(line, _receivedNs).Message.Length;
        return chars;
    }

    [Benchmark(OperationsPerInvoke = SampleLines.Count)]
    public int Body() => MultilineAssembler.ParseText(_parser, _body, _receivedNs).Count;
}

using AirisEpm.Protocols;
using AirisEpm.MetricsService.Protocols;
using AirisEpm.MetricsService.Protocols.RemoteWrite;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsProtocols.Benchmarks;

/// <summary>Snappy decompression plus WriteRequest decoding of one 2,000-sample batch, in process.</summary>
[MemoryDiagnoser]
[InProcess]
public class RemoteWriteDecodeBenchmarks
{
    public const int Samples = 2_000;
    private readonly RemoteWriteDecoder _decoder = new(Options.Create(new ProtocolOptions()));
    private byte[] _compressed = [];

    /// <summary>1 sample per series is what Prometheus sends (one scrape's worth); 10 per series is a backfill.</summary>
    [Params(1, 10)]
    public int SamplesPerSeries { get; set; }

    [GlobalSetup]
    public void Setup() => _compressed = Snappier.Snappy.CompressToArray(WriteRequests.Build(Samples / SamplesPerSeries, SamplesPerSeries));

    [Benchmark(OperationsPerInvoke = Samples)]
    public int DecodeBatch()
    {
        using var raw = BodyDecompression.Snappy(_compressed, long.MaxValue);
        return _decoder.Decode(raw.Span).Count;
    }
}

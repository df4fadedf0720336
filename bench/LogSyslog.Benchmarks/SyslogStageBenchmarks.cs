using System.Buffers;
using System.Text;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Parsing;
using AirisEpm.LogService.Patterns;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Syslog;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.LogSyslog.Benchmarks;

/// <summary>
/// Where the listener's time goes, per message: <c>DecodeAndAssemble</c> is framing, UTF-8 decoding,
/// parsing and multiline assembly with no I/O; <c>IngestOnly</c> hands the records, in the listener's
/// batches of 5,000, straight to the ingestor (pattern mining, batching writer, Lucene write-ahead log);
/// <c>MineOnly</c> and <c>StoreOnly</c> are its two halves: the pattern miner alone, and
/// <see cref="ILogStore.AppendAsync"/> alone (WAL fsync plus Lucene indexing).
/// </summary>
[MemoryDiagnoser]
public class SyslogStageBenchmarks
{
    private const int Messages = 20_000;
    private const int Batch = 5_000;

    private SyslogHost _host = null!;
    private ILogIngestor _ingestor = null!;
    private ILogStore _store = null!;
    private PatternMiner _miner = null!;
    private byte[] _stream = [];
    private List<LogRecord> _records = [];

    [Params(SyslogListenerBenchmarks.Framing.OctetCounted5424, SyslogListenerBenchmarks.Framing.Newline3164)]
    public SyslogListenerBenchmarks.Framing Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _host = new SyslogHost();
        _ingestor = _host.Services.GetRequiredService<ILogIngestor>();
        _store = _host.Services.GetRequiredService<ILogStore>();
        _miner = _host.Services.GetRequiredService<PatternMiner>();
        _stream = SyslogListenerBenchmarks.Payload(0, Messages, Kind);
        _records = Decode();
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _host.DisposeAsync();

    [Benchmark(OperationsPerInvoke = Messages)]
    public int DecodeAndAssemble() => Decode().Count;

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task IngestOnly()
    {
        for (var i = 0; i < Messages; i += Batch)
        {
            // Fresh ids each time, as new records.
            await _ingestor.IngestAsync(_records.GetRange(i, Batch).Select(r => r with { Id = "" }).ToList(), CancellationToken.None);
        }
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int MineOnly() => _miner.MineBatch(_records.Select(r => r.Message).ToList()).Length;

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task StoreOnly()
    {
        for (var i = 0; i < Messages; i += Batch)
        {
            await _store.AppendAsync(_records.GetRange(i, Batch).Select(r => r with { Id = Guid.NewGuid().ToString("N") }).ToList(), CancellationToken.None);
        }
    }

    private List<LogRecord> Decode()
    {
        var records = new List<LogRecord>(Messages);
        var assembler = new SyslogRecordAssembler(new RawLineParser(), "127.0.0.1");
        var buffer = new ReadOnlySequence<byte>(_stream);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        while (SyslogFrameReader.TryRead(ref buffer, completed: true, 64 * 1024, out var frame) == FrameStatus.Frame)
        {
            assembler.Push(Encoding.UTF8.GetString(frame.Payload), now, records);
        }
        assembler.Flush(records);
        return records;
    }
}

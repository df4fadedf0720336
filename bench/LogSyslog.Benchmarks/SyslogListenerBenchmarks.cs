using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace AirisEpm.LogSyslog.Benchmarks;

/// <summary>
/// Messages per second through the syslog listener, end to end: TCP on loopback, framing, parsing,
/// multiline assembly, batching, pattern mining, the batching writer and the Lucene write-ahead log.
/// Each invocation sends <see cref="MessagesPerInvoke"/> messages split over <see cref="Connections"/>
/// connections, each written as fast as the socket takes it and closed, and waits until every record is
/// durable; time per operation is time per message (Op/s is messages per second).
/// </summary>
[MemoryDiagnoser]
public class SyslogListenerBenchmarks
{
    public const int MessagesPerInvoke = 20_000;

    private static readonly string[] Templates =
    [
        "GET /api/v1/orders/{0} 200 {1}ms", "user u-{0} signed in from 10.0.{1}.7", "cache miss for key product:{0} after {1} ms",
        "payment {0} declined: card expired (attempt {1})", "worker {1} finished job j-{0}",
    ];

    private SyslogHost _host = null!;
    private byte[][] _payloads = [];

    public enum Framing
    {
        OctetCounted5424,
        Newline3164,
    }

    [Params(Framing.OctetCounted5424, Framing.Newline3164)]
    public Framing Kind { get; set; }

    [Params(1, 8)]
    public int Connections { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _host = new SyslogHost();
        _payloads = [.. Enumerable.Range(0, Connections).Select(c => Payload(c, MessagesPerConnection, Kind))];
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _host.DisposeAsync();

    private int MessagesPerConnection => MessagesPerInvoke / Connections;

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public async Task Send()
    {
        var target = _host.Stored + MessagesPerInvoke;
        await Task.WhenAll(_payloads.Select(async payload =>
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(_host.EndPoint);
            await client.GetStream().WriteAsync(payload);
            client.Client.Shutdown(SocketShutdown.Send);
        }));
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (_host.Stored < target)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{target - _host.Stored} records not stored after 2 minutes");
            await Task.Delay(1);
        }
    }

    /// <summary>Realistic lines: five templates with varying numbers, so the pattern miner does its usual work.</summary>
    internal static byte[] Payload(int connection, int count, Framing kind)
    {
        var text = new StringBuilder();
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, Templates[i % Templates.Length], (connection * count) + i, i % 97);
            if (kind == Framing.OctetCounted5424)
            {
                var line = $"<134>1 {now:yyyy-MM-ddTHH:mm:ss.fffZ} web-{connection} api {1000 + connection} - - {message}";
                text.Append(Encoding.UTF8.GetByteCount(line)).Append(' ').Append(line);
            }
            else
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"<134>{now:MMM} {now.Day,2} {now:HH:mm:ss} web-{connection} api[{1000 + connection}]: {message}\n");
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

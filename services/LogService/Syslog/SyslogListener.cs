using System.Collections.Concurrent;
using System.Net;
using AirisEpm.LogService.Parsing;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Syslog;

/// <summary>
/// Syslog over TCP (RFC 6587 framing of RFC 5424 and RFC 3164 messages) on <c>Logs:Syslog:Port</c>.
/// <para>
/// Sockets come from Kestrel's socket transport used on its own (<see cref="SocketTransportFactory"/>):
/// its receive loop, pooled buffers and pipe give every connection a bounded read buffer that stops
/// reading the socket when full, which is the flow control this listener needs, without writing a
/// receive loop. It is not an endpoint of the HTTP server: code-configured Kestrel endpoints would
/// replace the <c>--urls</c> the Dapr run file passes, and the listener runs the same under TestServer.
/// </para>
/// <para>
/// Durability: TCP syslog has no application-level acknowledgement (RFC 6587 §3.4; RFC 3195/RELP add
/// one). A sender counts a message delivered once its kernel sent it, so bytes in flight when this
/// process dies are lost, whatever it does; what it has read and parsed it never drops
/// (<see cref="SyslogBatcher"/>), and when the store lags it stops reading so senders queue.
/// </para>
/// <para>
/// Binding happens in <see cref="StartAsync"/>, so a port in use fails the start. Shutdown stops
/// accepting, lets each connection take what it already received, then stores the queue before the
/// batching writer (registered earlier, so stopped later) makes its final flush.
/// </para>
/// </summary>
public sealed partial class SyslogListener(
    SyslogBatcher batcher, RawLineParser parser, SyslogMetrics metrics, IOptions<SyslogOptions> options, TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly SyslogOptions _options = options.Value;
    private readonly ILogger _logger = loggers.CreateLogger<SyslogListener>();
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly CancellationTokenSource _stopReading = new();
    private readonly CancellationTokenSource _abort = new();
    private IConnectionListener? _listener;
    private Task _batching = Task.CompletedTask;
    private readonly Lock _stopGate = new();
    private Task? _stopped;
    private int _open;

    /// <summary>Where the listener accepts connections (its real port when configured with 0); null while disabled or stopped.</summary>
    public EndPoint? LocalEndPoint => _listener?.EndPoint;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            LogDisabled(_logger);
            return;
        }
        var transport = new SocketTransportFactory(
            Options.Create(new SocketTransportOptions { MaxReadBufferSize = _options.ReadBufferBytes, MaxWriteBufferSize = 4096 }), loggers);
        var endPoint = new IPEndPoint(IPAddress.Parse(_options.BindAddress), _options.Port);
        _listener = await transport.BindAsync(endPoint, cancellationToken).ConfigureAwait(false);
        LogListening(_logger, _listener.EndPoint);
        _batching = batcher.RunAsync(_abort.Token);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (_listener is not null)
        {
            ConnectionContext? connection;
            try
            {
                connection = await _listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (connection is null) return;
            var peer = PeerOf(connection.RemoteEndPoint);
            if (Interlocked.Increment(ref _open) > _options.MaxConnections)
            {
                Interlocked.Decrement(ref _open);
                metrics.Rejected();
                LogRejected(_logger, peer, _options.MaxConnections);
                await connection.DisposeAsync().ConfigureAwait(false);
                continue;
            }
            var task = ServeAsync(connection, peer);
            _connections.TryAdd(task, true);
            _ = task.ContinueWith(t => _connections.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(ConnectionContext connection, string peer)
    {
        await Task.Yield();
        metrics.Opened();
        try
        {
            var records = new SyslogRecordAssembler(parser, peer);
            await new SyslogConnection(connection, records, batcher, _options, metrics, time, _logger, peer)
                .RunAsync(_stopReading.Token, _abort.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogConnectionFailed(_logger, e, peer);
        }
        catch (OperationCanceledException)
        {
            // Aborted at the shutdown timeout.
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            metrics.Closed();
        }
    }

    /// <summary>Idempotent: the host may stop a hosted service more than once (stop, then dispose).</summary>
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopGate)
        {
            return _stopped ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        var listener = _listener;
        if (listener is null)
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        using var abortAtDeadline = cancellationToken.Register(_abort.Cancel);
        await listener.UnbindAsync(cancellationToken).ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await _stopReading.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_connections.Keys).ConfigureAwait(false);
        batcher.Complete();
        await _batching.ConfigureAwait(false);
        await listener.DisposeAsync().ConfigureAwait(false);
        _listener = null;
    }

    public override void Dispose()
    {
        _stopReading.Dispose();
        _abort.Dispose();
        base.Dispose();
    }

    private static string PeerOf(EndPoint? endPoint) => endPoint switch
    {
        IPEndPoint ip => (ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address).ToString(),
        null => "unknown",
        _ => endPoint.ToString() ?? "unknown",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Syslog listener accepting TCP connections on {EndPoint}")]
    private static partial void LogListening(ILogger logger, EndPoint? endPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Syslog listener disabled (Logs:Syslog:Enabled)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the syslog connection from {Peer}: {Max} connections are open (Logs:Syslog:MaxConnections)")]
    private static partial void LogRejected(ILogger logger, string peer, int max);

    [LoggerMessage(Level = LogLevel.Error, Message = "The syslog connection from {Peer} failed")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, string peer);
}

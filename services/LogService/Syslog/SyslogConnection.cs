using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using AirisEpm.LogService.Domain;
using Microsoft.AspNetCore.Connections;

namespace AirisEpm.LogService.Syslog;

/// <summary>
/// Reads one TCP connection: frames (<see cref="SyslogFrameReader"/>) become records
/// (<see cref="SyslogRecordAssembler"/>) and go to the <see cref="SyslogBatcher"/>, whatever each read
/// produced at once. While the batcher's queue is full this does not read, so the transport's buffer
/// fills and it stops reading the socket. The last record is handed on after
/// <see cref="SyslogOptions.RecordFlushDelay"/> of quiet; the connection is closed after
/// <see cref="SyslogOptions.IdleTimeout"/> of quiet, at its end, on an oversized frame, and at shutdown
/// (after taking what was already received).
/// </summary>
internal sealed partial class SyslogConnection(
    ConnectionContext connection, SyslogRecordAssembler records, SyslogBatcher batcher, SyslogOptions options, SyslogMetrics metrics,
    TimeProvider time, ILogger logger, string peer)
{
    private readonly List<LogRecord> _output = [];

    /// <param name="stopReading">Shutdown: take what is buffered and close.</param>
    /// <param name="abort">The host's shutdown timeout: give up handing records on.</param>
    public async Task RunAsync(CancellationToken stopReading, CancellationToken abort)
    {
        var input = connection.Transport.Input;
        var timer = CancellationTokenSource.CreateLinkedTokenSource(stopReading);
        var lastData = time.GetTimestamp();
        try
        {
            while (true)
            {
                var quiet = time.GetElapsedTime(lastData);
                if (!records.HasOpenRecord && quiet >= options.IdleTimeout)
                {
                    LogIdle(logger, peer, options.IdleTimeout);
                    break;
                }
                timer.CancelAfter(records.HasOpenRecord ? options.RecordFlushDelay : options.IdleTimeout - quiet);
                ReadResult read;
                var stopping = false;
                try
                {
                    read = await input.ReadAsync(timer.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stopReading.IsCancellationRequested)
                {
                    timer.Dispose();
                    timer = CancellationTokenSource.CreateLinkedTokenSource(stopReading);
                    records.Flush(_output);
                    await HandOnAsync(abort).ConfigureAwait(false);
                    continue;
                }
                catch (OperationCanceledException)
                {
                    if (!input.TryRead(out read)) break;
                    stopping = true;
                }

                lastData = time.GetTimestamp();
                var buffer = read.Buffer;
                var ended = read.IsCompleted || stopping;
                var oversized = Decode(ref buffer, ended);
                input.AdvanceTo(buffer.Start, buffer.End);
                await HandOnAsync(abort).ConfigureAwait(false);
                if (oversized is { } length)
                {
                    metrics.Oversized();
                    LogOversized(logger, peer, length, options.MaxMessageBytes);
                    break;
                }
                if (ended) break;
            }
        }
        catch (Exception e) when (e is IOException or ConnectionResetException or ConnectionAbortedException)
        {
            LogReset(logger, peer, e.Message);
        }
        finally
        {
            timer.Dispose();
            records.Flush(_output);
            try
            {
                await HandOnAsync(abort).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The shutdown timeout passed: the batcher says how many records it could not store.
            }
            await input.CompleteAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Every whole frame of <paramref name="buffer"/>; returns the length of an oversized frame, if one stops the connection.</summary>
    private long? Decode(ref ReadOnlySequence<byte> buffer, bool ended)
    {
        var receivedNs = time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
        int counted = 0, delimited = 0;
        long? oversized = null;
        while (true)
        {
            var status = SyslogFrameReader.TryRead(ref buffer, ended, options.MaxMessageBytes, out var frame);
            if (status == FrameStatus.Incomplete) break;
            if (status == FrameStatus.Oversized)
            {
                oversized = frame.Length;
                break;
            }
            if (frame.Framing == SyslogFraming.OctetCounting) counted++;
            else delimited++;
            if (frame.Truncated)
            {
                metrics.Truncated();
                LogTruncated(logger, peer, frame.Length, frame.Payload.Length);
            }
            records.Push(Encoding.UTF8.GetString(frame.Payload), receivedNs, _output);
        }
        metrics.Received(counted, delimited);
        return oversized;
    }

    private async ValueTask HandOnAsync(CancellationToken abort)
    {
        if (_output.Count == 0) return;
        await batcher.AddAsync(_output, abort).ConfigureAwait(false);
        _output.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the syslog connection from {Peer}: a frame of {Length} bytes exceeds Logs:Syslog:MaxMessageBytes ({Max})")]
    private static partial void LogOversized(ILogger logger, string peer, long length, int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The syslog connection from {Peer} ended inside a frame of {Declared} bytes; its {Received} bytes are kept")]
    private static partial void LogTruncated(ILogger logger, string peer, long declared, long received);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing the syslog connection from {Peer}: no data for {Timeout}")]
    private static partial void LogIdle(ILogger logger, string peer, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The syslog connection from {Peer} was reset: {Reason}")]
    private static partial void LogReset(ILogger logger, string peer, string reason);
}

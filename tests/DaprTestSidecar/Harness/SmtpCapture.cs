using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AirisEpm.DaprTestSidecar.Harness;

/// <summary>An in-process SMTP server on a loopback port that keeps every message it receives.</summary>
public sealed class SmtpCapture : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    public SmtpCapture()
    {
        Port = FreePort.Next();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CapturingStore(_messages));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stopping.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => _messages.ToList();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }

        foreach (var message in _messages)
        {
            message.Dispose();
        }

        _stopping.Dispose();
    }

    private sealed class CapturingStore(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

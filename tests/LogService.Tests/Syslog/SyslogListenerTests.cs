using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Syslog;
using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.Syslog;

/// <summary>The listener inside log-service: TCP in, records out through the real parser, ingestor and Lucene store, searched over HTTP.</summary>
public sealed class SyslogListenerTests : IAsyncLifetime
{
    private readonly SyslogServiceFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static byte[] Counted(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        return [.. Encoding.ASCII.GetBytes($"{bytes.Length} "), .. bytes];
    }

    private static byte[] Line(string message, string trailer = "\n") => Encoding.UTF8.GetBytes(message + trailer);

    private static string Rfc5424(int pri, string host, string app, string text) =>
        $"<{pri}>1 {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {host} {app} 4242 - [origin ip=\"10.0.0.9\"] {text}";

    private static string Rfc3164(int pri, string host, string tag, string text) =>
        $"<{pri}>{Rfc3164Time(DateTime.UtcNow)} {host} {tag}[77]: {text}";

    /// <summary><c>Mmm dd HH:mm:ss</c> with the day padded by a space (<c>Feb  5</c>), as RFC 3164 §4.1.2 writes it.</summary>
    internal static string Rfc3164Time(DateTime utc) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{utc:MMM} {utc.Day,2} {utc:HH:mm:ss}");

    private async Task<JsonElement> FindAsync(string word)
    {
        var found = await _factory.Reader().SearchUntilAsync("q=" + word, 1);
        Assert.True(found.GetProperty("records").GetArrayLength() == 1, $"no single record for {word}: {found}");
        return found.GetProperty("records")[0];
    }

    [Fact]
    public async Task Rfc5424_and_rfc3164_in_both_framings_are_stored_with_service_host_level_and_fields()
    {
        await _factory.SendAsync(
            Counted(Rfc5424(165, "web-1.example.com", "checkout", "order paid fiveoctet")),
            Line(Rfc5424(11, "web-2", "billing", "charge failed fiveline"), "\r\n"),
            Counted(Rfc3164(82, "bastion", "sshd", "accepted key threeoctet")),
            Line(Rfc3164(28, "db-1", "postgres", "slow checkpoint threeline"), "\0"));

        var paid = await FindAsync("fiveoctet");
        Assert.Equal(("checkout", "info", "web-1.example.com"), (paid.GetProperty("service").GetString(), paid.GetProperty("level").GetString(), Label(paid, "host")));
        Assert.Equal(("local4", "notice", "4242", "10.0.0.9"), (Field(paid, "facility"), Field(paid, "severity"), Field(paid, "pid"), Field(paid, "origin.ip")));
        Assert.Equal("order paid fiveoctet", paid.GetProperty("message").GetString());

        var failed = await FindAsync("fiveline");
        Assert.Equal(("billing", "error", "web-2", "err"), (failed.GetProperty("service").GetString(), failed.GetProperty("level").GetString(), Label(failed, "host"), Field(failed, "severity")));

        var key = await FindAsync("threeoctet");
        Assert.Equal(("sshd", "fatal", "bastion", "authpriv", "crit"),
            (key.GetProperty("service").GetString(), key.GetProperty("level").GetString(), Label(key, "host"), Field(key, "facility"), Field(key, "severity")));
        Assert.Equal("accepted key threeoctet", key.GetProperty("message").GetString());

        var slow = await FindAsync("threeline");
        Assert.Equal(("postgres", "warn", "db-1", "daemon"), (slow.GetProperty("service").GetString(), slow.GetProperty("level").GetString(), Label(slow, "host"), Field(slow, "facility")));
    }

    [Fact]
    public async Task Frames_split_across_sends_and_stack_lines_after_their_record_arrive_whole()
    {
        var text = Encoding.UTF8.GetBytes(Rfc5424(11, "app-1", "payments", "declined splitframe java.lang.IllegalStateException: card expired") + "\n"
            + "\tat com.shop.Pay.charge(Pay.java:42)\n" + "\tat com.shop.Api.post(Api.java:7)\n");
        var counted = Counted(Rfc3164(14, "app-1", "payments", "retry splitcounted"));
        await _factory.SendAsync(text[..7], text[7..60], text[60..], counted[..2], counted[2..]);

        var declined = await FindAsync("splitframe");
        Assert.Equal("\tat com.shop.Pay.charge(Pay.java:42)\n\tat com.shop.Api.post(Api.java:7)", declined.GetProperty("stackTrace").GetString());
        Assert.Equal("payments", (await FindAsync("splitcounted")).GetProperty("service").GetString());
    }

    [Fact]
    public async Task The_last_record_of_an_open_connection_is_stored_after_a_quiet_moment()
    {
        using var client = await _factory.ConnectAsync();
        await client.GetStream().WriteAsync(Line(Rfc5424(14, "h", "quiet", "held quietrecord")), Ct);
        var found = await _factory.Reader().SearchUntilAsync("q=quietrecord", 1);
        Assert.Equal(1, found.GetProperty("records").GetArrayLength());
        Assert.True(client.Connected);
    }

    [Fact]
    public async Task An_oversized_frame_closes_its_connection_keeps_the_frames_before_it_and_is_counted()
    {
        await using var factory = (SyslogServiceFactory)new SyslogServiceFactory().With("Logs:Syslog:MaxMessageBytes", "1024");
        using var probe = new MeterProbe(factory.Services.GetRequiredService<IMeterFactory>(), SyslogMetrics.MeterName);
        using var client = await factory.ConnectAsync();
        byte[] bytes = [.. Counted(Rfc5424(14, "h", "big", "before oversizedframe")), .. Encoding.ASCII.GetBytes("5000 <14>1 - - - - - - ")];
        await client.GetStream().WriteAsync(bytes, Ct);
        Assert.True(await SyslogServiceFactory.ClosedByPeerAsync(client, TimeSpan.FromSeconds(10)), "the listener kept the connection open");

        var found = await factory.Reader().SearchUntilAsync("q=oversizedframe", 1);
        Assert.Equal(1, found.GetProperty("records").GetArrayLength());
        Assert.Equal(1, probe["airis.logs.syslog.oversized_frames"]);
        Assert.Equal(1, probe["airis.logs.syslog.connections"]);

        using var line = await factory.ConnectAsync();
        await line.GetStream().WriteAsync(Encoding.ASCII.GetBytes("<14>" + new string('x', 2000)), Ct);
        Assert.True(await SyslogServiceFactory.ClosedByPeerAsync(line, TimeSpan.FromSeconds(10)), "a line without end was buffered past the limit");
        Assert.Equal(2, probe["airis.logs.syslog.oversized_frames"]);
    }

    [Fact]
    public async Task Connections_past_the_limit_are_closed_at_once_and_counted()
    {
        await using var factory = (SyslogServiceFactory)new SyslogServiceFactory().With("Logs:Syslog:MaxConnections", "1");
        using var probe = new MeterProbe(factory.Services.GetRequiredService<IMeterFactory>(), SyslogMetrics.MeterName);
        using var first = await factory.ConnectAsync();
        await first.GetStream().WriteAsync(Line(Rfc5424(14, "h", "limit", "first connlimit")), Ct);
        await factory.Reader().SearchUntilAsync("q=connlimit", 1);

        using var second = await factory.ConnectAsync();
        Assert.True(await SyslogServiceFactory.ClosedByPeerAsync(second, TimeSpan.FromSeconds(10)), "the second connection was served");
        Assert.False(await SyslogServiceFactory.ClosedByPeerAsync(first, TimeSpan.FromMilliseconds(200)), "the first connection was closed");
        Assert.Equal(1, probe["airis.logs.syslog.connections.rejected"]);
        Assert.Equal(1, probe["airis.logs.syslog.connections.active"]);
    }

    [Fact]
    public async Task Pushback_from_the_ingestor_delays_records_but_loses_none()
    {
        var pushback = new PushingBackIngestor(failures: 5);
        await using var factory = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton<LogIngestor>();
            services.AddSingleton<ILogIngestor>(sp => pushback.Around(sp.GetRequiredService<LogIngestor>()));
        }));
        var listener = factory.Services.GetRequiredService<SyslogListener>();
        var endPoint = (System.Net.IPEndPoint)listener.LocalEndPoint!;
        var stream = new MemoryStream();
        for (var i = 0; i < 3000; i++) stream.Write(i % 2 == 0 ? Counted(Rfc5424(14, "h", "bulk", $"pushbackrun item {i}")) : Line(Rfc3164(14, "h", "bulk", $"pushbackrun item {i}")));
        using (var client = new System.Net.Sockets.TcpClient())
        {
            await client.ConnectAsync(endPoint, Ct);
            await client.GetStream().WriteAsync(stream.ToArray(), Ct);
            client.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);
            await SyslogServiceFactory.ClosedByPeerAsync(client, TimeSpan.FromSeconds(30));
        }

        var reader = factory.CreateClient().WithToken(AirisEpm.ServiceDefaults.Security.Permissions.LogsRead);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long total;
        do
        {
            await Task.Delay(200, Ct);
            total = (await (await reader.GetAsync("/api/v1/logs/search?q=pushbackrun&limit=1", Ct)).JsonAsync()).GetProperty("total").GetInt64();
        }
        while (total < 3000 && DateTime.UtcNow < deadline);
        Assert.Equal(3000, total);
        Assert.True(pushback.PushedBack >= 5);
    }

    [Fact]
    public async Task The_listener_is_on_at_1514_on_every_address_in_production_and_off_in_development()
    {
        var service = Path.Combine(SolutionDirectory(), "services", "LogService");
        SyslogOptions Bind(params string[] files)
        {
            var configuration = new ConfigurationBuilder().SetBasePath(service);
            foreach (var file in files) configuration.AddJsonFile(file, optional: false);
            return configuration.Build().GetSection(SyslogOptions.Section).Get<SyslogOptions>() ?? new SyslogOptions();
        }

        var production = Bind("appsettings.json");
        Assert.Equal((true, 1514, "0.0.0.0"), (production.Enabled, production.Port, production.BindAddress));
        var development = Bind("appsettings.json", "appsettings.Development.json");
        Assert.Equal((false, "127.0.0.1"), (development.Enabled, development.BindAddress));

        await using var disabled = new LogService.Tests.Functional.LogServiceFactory();
        Assert.Null(disabled.Services.GetRequiredService<SyslogListener>().LocalEndPoint);
    }

    private static string SolutionDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AirisEpm.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("AirisEpm.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_from_starting()
    {
        await using var factory = (SyslogServiceFactory)new SyslogServiceFactory().With("Logs:Syslog:BindAddress", "not-an-address");
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("BindAddress", error.ToString(), StringComparison.Ordinal);

        await using var unstorable = (SyslogServiceFactory)new SyslogServiceFactory().With("Logs:Ingest:Writer:Capacity", "100");
        Assert.Contains("MaxBatchRecords", Assert.ThrowsAny<Exception>(() => unstorable.Services).ToString(), StringComparison.Ordinal);
    }

    private static string? Label(JsonElement record, string name) => record.GetProperty("labels").GetProperty(name).GetString();

    private static string? Field(JsonElement record, string name) => record.GetProperty("fields").GetProperty(name).GetString();

    /// <summary>The real ingestor behind a door that refuses the first batches with 429, as a lagging store does.</summary>
    private sealed class PushingBackIngestor(int failures)
    {
        private readonly int _failures = failures;
        private int _calls;

        public int PushedBack => Math.Min(Volatile.Read(ref _calls), _failures);

        public ILogIngestor Around(ILogIngestor inner) => new Door(this, inner);

        private sealed class Door(PushingBackIngestor owner, ILogIngestor inner) : ILogIngestor
        {
            public Task IngestAsync(List<LogRecord> records, CancellationToken cancellationToken)
            {
                if (Interlocked.Increment(ref owner._calls) <= owner._failures)
                {
                    throw new BackpressureException("The write buffer is full.", 429, TimeSpan.FromMilliseconds(100));
                }
                return inner.IngestAsync(records, cancellationToken);
            }
        }
    }
}

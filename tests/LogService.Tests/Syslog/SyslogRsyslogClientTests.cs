using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AirisEpm.LogService.Syslog;
using Microsoft.Extensions.DependencyInjection;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.Syslog;

/// <summary>
/// Debian's rsyslog (which .ci/run installs) as the real client: messages go into an rsyslog imtcp input,
/// and rsyslog's omfwd forwards them over TCP to the listener, once octet-counted in RFC 5424
/// (<c>RSYSLOG_SyslogProtocol23Format</c>) and once newline-framed in rsyslog's RFC 3164 forwarding
/// format (<c>RSYSLOG_ForwardFormat</c>). rsyslogd runs as a child process on unprivileged ports.
/// </summary>
public sealed class SyslogRsyslogClientTests
{
    private const string Rsyslogd = "/usr/sbin/rsyslogd";

    [Theory]
    [InlineData("octet-counted", "RSYSLOG_SyslogProtocol23Format", "octet-counting")]
    [InlineData("traditional", "RSYSLOG_ForwardFormat", "non-transparent")]
    public async Task Rsyslog_forwards_to_the_listener_with_service_host_severity_and_message(string rsyslogFraming, string template, string framing)
    {
        if (!File.Exists(Rsyslogd))
        {
            Assert.Skip($"{Rsyslogd} is not installed (apt-get install -y rsyslog); the real syslog client cannot run.");
        }

        await using var factory = new SyslogServiceFactory();
        using var probe = new MeterProbe(factory.Services.GetRequiredService<IMeterFactory>(), SyslogMetrics.MeterName);
        var directory = Directory.CreateTempSubdirectory("airis-rsyslog-");
        var inputPort = FreePort();
        var config = Path.Combine(directory.FullName, "rsyslog.conf");
        await File.WriteAllTextAsync(config, $"""
            global(workDirectory="{directory.FullName}")
            module(load="imtcp")
            input(type="imtcp" address="127.0.0.1" port="{inputPort}" ruleset="forward")
            ruleset(name="forward") {"{"}
              action(type="omfwd" target="127.0.0.1" port="{factory.EndPoint.Port}" protocol="tcp" TCP_Framing="{rsyslogFraming}" template="{template}")
            {"}"}
            """, Ct);

        var word = rsyslogFraming == "traditional" ? "rsytraditional" : "rsyoctet";
        var messages = $"<187>1 {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} app-7.example inventory 311 - - stock low {word}one\n"
            + $"<13>{SyslogListenerTests.Rfc3164Time(DateTime.UtcNow)} cache-2 redis[99]: evicted keys {word}two\n";

        var output = new StringBuilder();
        using var rsyslog = Start(config, Path.Combine(directory.FullName, "rsyslogd.pid"), output);
        try
        {
            await SendWhenListeningAsync(inputPort, Encoding.UTF8.GetBytes(messages), TimeSpan.FromSeconds(20));

            var stock = await FindAsync(factory, word + "one");
            Assert.Equal(("inventory", "app-7.example", "error", "err", "local7"),
                (stock.GetProperty("service").GetString(), Label(stock, "host"), stock.GetProperty("level").GetString(), Field(stock, "severity"), Field(stock, "facility")));
            Assert.Equal($"stock low {word}one", stock.GetProperty("message").GetString());
            Assert.Equal("311", Field(stock, "pid"));

            var evicted = await FindAsync(factory, word + "two");
            Assert.Equal(("redis", "cache-2", "info", "notice", "user"),
                (evicted.GetProperty("service").GetString(), Label(evicted, "host"), evicted.GetProperty("level").GetString(), Field(evicted, "severity"), Field(evicted, "facility")));
            Assert.Equal($"evicted keys {word}two", evicted.GetProperty("message").GetString());
            Assert.True(probe["airis.logs.syslog.messages|" + framing] >= 2, $"rsyslog's frames were not read as {framing}");
        }
        catch (Exception e) when (e is not Xunit.Sdk.SkipException)
        {
            throw new InvalidOperationException("rsyslogd output:\n" + output, e);
        }
        finally
        {
            rsyslog.Kill(entireProcessTree: true);
            await rsyslog.WaitForExitAsync(Ct);
            directory.Delete(recursive: true);
        }
    }

    private static async Task<JsonElement> FindAsync(SyslogServiceFactory factory, string word)
    {
        var found = await factory.Reader().SearchUntilAsync("q=" + word, 1);
        Assert.True(found.GetProperty("records").GetArrayLength() == 1, $"no single record for {word}: {found}");
        return found.GetProperty("records")[0];
    }

    /// <summary>rsyslogd opens its input a moment after it starts: connect until it answers.</summary>
    private static async Task SendWhenListeningAsync(int port, byte[] bytes, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, Ct);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, Ct);
                continue;
            }
            await client.GetStream().WriteAsync(bytes, Ct);
            client.Client.Shutdown(SocketShutdown.Send);
            return;
        }
    }

    private static Process Start(string config, string pidFile, StringBuilder output)
    {
        var start = new ProcessStartInfo(Rsyslogd) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-n", "-f", config, "-i", pidFile }) start.ArgumentList.Add(argument);
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static string? Label(JsonElement record, string name) => record.GetProperty("labels").GetProperty(name).GetString();

    private static string? Field(JsonElement record, string name) => record.GetProperty("fields").GetProperty(name).GetString();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Storage;
using AirisEpm.TraceService.Storage.ClickHouse;
using AirisEpm.TraceService.Storage.DuckDb;
using AirisEpm.TraceService.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AirisEpm.TraceService.Tests.Functional;

public sealed class TraceStoreRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DuckDb_is_the_default_its_file_lives_in_the_data_directory_and_health_reports_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "airis-traces-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var factory = new ServiceFactory<Program>().With("Traces:Store:DataDirectory", folder);
            var response = await factory.CreateClient().WithToken(Permissions.TracesRead).GetAsync("/health", Ct);

            Assert.IsType<DuckDbTraceStore>(factory.Services.GetRequiredService<ITraceStore>());
            Assert.True(File.Exists(Path.Combine(folder, "traces.duckdb")));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            var check = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "trace-store");
            Assert.Equal("Healthy", check.GetProperty("status").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ClickHouse_is_chosen_by_the_provider_setting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Traces:Store:Provider"] = "ClickHouse" });
        builder.AddTraceStore();
        using var services = builder.Services.BuildServiceProvider();

        Assert.IsType<ClickHouseTraceStore>(services.GetRequiredService<ITraceStore>());
    }

    [Fact]
    public void An_unknown_provider_stops_the_start()
    {
        using var factory = new ServiceFactory<Program>().With("Traces:Store:Provider", "Cassandra");

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Provider", failure.ToString(), StringComparison.Ordinal);
    }
}

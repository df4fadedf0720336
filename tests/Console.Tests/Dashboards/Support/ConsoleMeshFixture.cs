using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.Tests.Dashboards.Support;

/// <summary>
/// The real console on Kestrel beside a test sidecar (its state store in memory, as Redis would keep it), called with
/// the platform's test tokens. Tests start more console replicas in <see cref="Environment"/> when they need them.
/// </summary>
public sealed class ConsoleMeshFixture : IAsyncLifetime
{
    private DaprTestEnvironment? _environment;

    public DaprTestEnvironment Environment => _environment ?? throw new InvalidOperationException("The fixture has not started.");

    public RunningApp Console { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _environment = await DaprTestEnvironment.StartAsync(options => options.ComponentsFolder = ConsoleComponents.Folder);
        Console = await StartConsoleAsync();
    }

    /// <summary>
    /// Another console replica beside its own sidecar. Development keys are named here because the console's own
    /// appsettings.Development.json comes with the host's change.
    /// </summary>
    public Task<RunningApp> StartConsoleAsync() =>
        Environment.StartServiceAsync<Program>(AppIds.Console, new Dictionary<string, string?> { ["Auth:UseDevelopmentKeys"] = "true" });

    public HttpClient Client(params string[] permissions) => Console.CreateClient().WithToken(permissions);

    public async ValueTask DisposeAsync()
    {
        if (_environment is not null) await _environment.DisposeAsync();
    }
}

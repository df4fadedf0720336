using System.Net;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.TestSupport;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Console.Tests.Support;

/// <summary>
/// The console on Kestrel beside its sidecar double (state store and secrets as components/local declares them), with
/// stand-ins for metrics-service (healthy) and alert-service (degraded); log-service and trace-service are not running.
/// The first admin is <see cref="AdminName"/> / <see cref="AdminPassword"/>. Shared by a test class; each test makes its
/// own users where it changes them.
/// </summary>
public class ConsoleWorld : IAsyncLifetime
{
    public const string AdminName = "admin";
    public const string AdminPassword = "correct-horse-battery";
    public const string UserPassword = "a-long-enough-password";

    private int _users;

    public DaprTestEnvironment Environment { get; protected set; } = null!;

    public RunningApp Console { get; protected set; } = null!;

    public StandInService Metrics { get; } = new();

    public StandInService Alerts { get; } = new();

    /// <summary>Settings of the console beyond its sidecar's; a derived world may add its own.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Console:AdminPassword"] = AdminPassword,
        ["Console:SessionRevalidateInterval"] = "00:00:00.001",
        // Tests of other things sign in wrongly on purpose, all from 127.0.0.1; ThrottleTests run with the defaults.
        ["Console:LoginThrottle:AddressFreeFailures"] = "100000",
    };

    public virtual async ValueTask InitializeAsync()
    {
        Environment = await DaprTestEnvironment.StartAsync();
        await Metrics.StartAsync(Environment, AppIds.MetricsService, "Healthy");
        await Alerts.StartAsync(Environment, AppIds.AlertService, "Degraded");
        Console = await Environment.StartServiceAsync<Program>(AppIds.Console, Settings);
    }

    public ConsoleClient Client() => new(Console.BaseUrl);

    /// <summary>A client signed in as the first admin.</summary>
    public async Task<ConsoleClient> AdminAsync()
    {
        var client = Client();
        using var response = await client.LoginAsync(AdminName, AdminPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    /// <summary>A new account with <paramref name="role"/> (made by the admin), and a client signed in as it.</summary>
    public async Task<(string Name, ConsoleClient Client)> UserAsync(string role)
    {
        var name = $"{role}-{Interlocked.Increment(ref _users)}";
        using (var admin = await AdminAsync())
        using (var created = await admin.PostJsonAsync("/api/users", new { name, role, password = UserPassword }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var client = Client();
        using var login = await client.LoginAsync(name, UserPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (name, client);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Environment.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

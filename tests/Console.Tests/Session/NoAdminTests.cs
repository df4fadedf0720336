using System.Net;
using AirisEpm.Console.Tests.Support;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.Tests.Session;

/// <summary>No first admin password anywhere and no account: sign-in says how to set one, and nobody gets in.</summary>
public sealed class NoAdminTests(NoAdminTests.World world) : IClassFixture<NoAdminTests.World>
{
    public sealed class World : ConsoleWorld
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();
    }

    [Fact]
    public async Task Sign_in_answers_a_problem_naming_the_secret_and_the_setting()
    {
        using var client = world.Client();
        using var login = await client.LoginAsync("admin", "any-password-at-all");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
        var detail = (await ConsoleClient.JsonAsync(login)).GetProperty("detail").GetString();
        Assert.Contains("console-admin-password", detail, StringComparison.Ordinal);
        Assert.Contains("Console:AdminPassword", detail, StringComparison.Ordinal);
    }
}

/// <summary>A first admin password that is too short is refused, and said so, rather than used.</summary>
public sealed class ShortAdminPasswordTests(ShortAdminPasswordTests.World world) : IClassFixture<ShortAdminPasswordTests.World>
{
    public sealed class World : ConsoleWorld
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Console:AdminPassword"] = "short" };
    }

    [Fact]
    public async Task Sign_in_answers_why_the_password_is_refused()
    {
        using var client = world.Client();
        using var login = await client.LoginAsync("admin", "short");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
        Assert.Contains("at least 12 characters", (await ConsoleClient.JsonAsync(login)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>The first admin's password from the Dapr secret store (secret console-admin-password), with nothing in configuration.</summary>
public sealed class SecretAdminPasswordTests(SecretAdminPasswordTests.World world) : IClassFixture<SecretAdminPasswordTests.World>
{
    public sealed class World : ConsoleWorld
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

        public override async ValueTask InitializeAsync()
        {
            Environment = await AirisEpm.DaprTestSidecar.Harness.DaprTestEnvironment.StartAsync(o => o.SecretOverrides["console-admin-password"] = "from-the-secret-store");
            Console = await Environment.StartServiceAsync<Program>(AirisEpm.ServiceDefaults.Dapr.AppIds.Console, Settings);
        }
    }

    [Fact]
    public async Task The_admin_signs_in_with_the_secret()
    {
        using var client = world.Client();
        using var login = await client.LoginAsync("admin", "from-the-secret-store");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}

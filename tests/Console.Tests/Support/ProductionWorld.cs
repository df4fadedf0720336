using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.Tests.Support;

/// <summary>The console in Production beside its sidecar: its own key pair (not the development one), Secure cookies.</summary>
public sealed class ProductionWorld : ConsoleWorld
{
    public override async ValueTask InitializeAsync()
    {
        Environment = await DaprTestEnvironment.StartAsync();
        var settings = new Dictionary<string, string?>(TestTokens.ProductionSettings)
        {
            ["Auth:SigningKey"] = TestTokens.Production.PrivateJwk,
            ["Console:AdminPassword"] = AdminPassword,
        };
        // The sidecar's own APP_API_TOKEN stays.
        settings.Remove("APP_API_TOKEN");
        Console = await Environment.StartServiceAsync<Program>(AppIds.Console, settings, environmentName: "Production");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using AirisEpm.AlertService.Escalation;
using AirisEpm.ServiceDefaults.Security;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Functional;

/// <summary>Receivers named by escalation policies must exist, whichever of the two is changed; and configuration writes do not race.</summary>
public sealed class EscalationPolicyReceiverTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];

    private const string WithoutCritical = """
        route:
          receiver: oncall
        receivers:
          - name: oncall
            email_configs:
              - to: oncall@airis.local
        """;

    [Fact]
    public async Task A_policy_naming_an_unknown_receiver_is_a_400_naming_it()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);

        var response = await client.PutAsJsonAsync("/api/v1/escalation-policies/critical", new
        {
            name = "critical",
            steps = new object[]
            {
                new { after = "00:00:00", receivers = new[] { "oncall" } },
                new { after = "00:10:00", receivers = new[] { "oncall", "nobody-here" } },
            },
        }, TestContext.Current.CancellationToken);

        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["steps[1].receivers"], ErrorKeys(problem));
        Assert.Contains("nobody-here", problem.GetProperty("errors").GetProperty("steps[1].receivers")[0].GetString());
        Assert.Empty(await factory.Policies.ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_configuration_dropping_a_receiver_a_policy_names_is_a_400_naming_receiver_and_policy()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        await factory.Policies.SaveAsync(new EscalationPolicy("critical", [new EscalationStep(TimeSpan.Zero, ["oncall-critical"])]), TestContext.Current.CancellationToken);

        var response = await client.PutAsync("/api/v1/alerting/config", new StringContent(WithoutCritical, Encoding.UTF8, "application/yaml"), TestContext.Current.CancellationToken);

        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        var key = Assert.Single(ErrorKeys(problem));
        Assert.Contains("critical", key);
        Assert.Contains("oncall-critical", problem.GetProperty("errors").GetProperty(key)[0].GetString());
        Assert.Null(factory.ConfigStore.Saved);
    }

    [Fact]
    public async Task A_configuration_stored_by_another_writer_meanwhile_is_a_409_and_not_applied()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        factory.ConfigStore.ConflictOnNextSave = true;

        var response = await client.PutAsync("/api/v1/alerting/config", new StringContent(WithoutCritical, Encoding.UTF8, "application/yaml"), TestContext.Current.CancellationToken);

        await ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("oncall-critical", await client.GetStringAsync("/api/v1/alerting/config", TestContext.Current.CancellationToken));
    }
}

using AirisEpm.AlertService.Domain.Rules;
using Dapr;
using Dapr.Actors;
using Dapr.Actors.Client;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Rule evaluation through <see cref="RuleActor"/>s (JSON serialization, as registered). The proxy
/// options name the sidecar from configuration: the factory's defaults only read the environment.
/// </summary>
public sealed class ActorRuleScheduler(IActorProxyFactory actors, IConfiguration configuration) : IRuleScheduler
{
    private readonly ActorProxyOptions _options = new()
    {
        UseJsonSerialization = true,
        HttpEndpoint = DaprDefaults.GetDefaultHttpEndpoint(configuration).TrimEnd('/'),
        DaprApiToken = DaprDefaults.GetDefaultDaprApiToken(configuration),
    };

    public Task StartAsync(string ruleId, CancellationToken cancellationToken) => Actor(ruleId).StartAsync();

    public Task StopAsync(string ruleId, CancellationToken cancellationToken) => Actor(ruleId).StopAsync();

    public Task<RuleState> GetStateAsync(string ruleId, CancellationToken cancellationToken) => Actor(ruleId).GetStateAsync();

    public Task<RuleState> EvaluateNowAsync(string ruleId, CancellationToken cancellationToken) => Actor(ruleId).EvaluateNowAsync();

    private IRuleActor Actor(string ruleId) => actors.CreateActorProxy<IRuleActor>(new ActorId(ruleId), nameof(RuleActor), _options);
}

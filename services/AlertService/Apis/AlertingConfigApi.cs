using System.Text;
using AirisEpm.AlertService.Apis.Models;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.AlertService.EngineHosting;
using AirisEpm.AlertService.Escalation;
using AirisEpm.ServiceDefaults.Security;
using Dapr;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.AlertService.Apis;

/// <summary>/api/v1/alerting/config: the routing configuration as Alertmanager-shaped YAML.</summary>
public static partial class AlertingConfigApi
{
    public const string YamlContentType = "application/yaml";

    public static IEndpointRouteBuilder MapAlertingConfigApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/alerting/config").WithTags("Alerting configuration");
        api.MapGet("/", Get).WithName("GetAlertingConfig").RequireAuthorization(Permissions.AlertsRead);
        api.MapPut("/", Put).WithName("PutAlertingConfig").RequireAuthorization(Permissions.AlertsWrite)
            .Accepts<string>(YamlContentType, "text/plain", "text/yaml");
        return app;
    }

    /// <summary>The configuration in force, every secret field shown as <c>&lt;secret&gt;</c> (as Alertmanager does).</summary>
    public static ContentHttpResult Get(AlertingConfigHolder config) =>
        TypedResults.Text(config.Current.RedactedYaml, YamlContentType, Encoding.UTF8);

    /// <summary>
    /// Validates the whole document (400 lists every problem by its path), stores it for every
    /// replica with its secret fields encrypted, then applies it here and has the engine apply it at
    /// once. A secret sent as <c>&lt;secret&gt;</c> keeps the value stored at the same path (400 when
    /// there is none), and 400 when it drops a receiver an escalation policy names. It is stored under
    /// the ETag read before (409 when another writer stored one meanwhile) before the answer. Nothing is
    /// applied when it could not be stored; an engine that cannot be told now applies it at its next refresh.
    /// The answer names the receivers and lists what loaded but is not done (unsupported integrations).
    /// </summary>
    public static async Task<Results<Ok<ConfigAccepted>, ValidationProblem, ProblemHttpResult>> Put(
        HttpRequest request, AlertingConfigHolder config, IAlertingConfigStore store, AlertingConfigSecrets secrets, IAlertEngineGateway engine,
        IEscalationPolicyRepository policies, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var yaml = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["the YAML configuration is empty"] });
        }

        StoredAlertingConfig? previous;
        string? etag;
        try
        {
            (previous, etag) = await store.LoadForUpdateAsync(ct);
        }
        catch (DaprException ex)
        {
            return StoreUnavailable(ex);
        }

        Domain.Configuration.AlertingConfig parsed;
        string protectedYaml;
        try
        {
            var revealed = secrets.Resolve(yaml, (previous ?? config.Current.Stored).Yaml);
            parsed = AlertingConfigHolder.Parse(revealed);
            protectedYaml = secrets.Protect(revealed.Yaml);
        }
        catch (ConfigException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.GroupBy(e => e.Path)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray()));
        }

        var stored = new StoredAlertingConfig(protectedYaml, time.GetUtcNow(), request.HttpContext.User.Identity?.Name ?? "api");
        try
        {
            if (PolicyReceivers.MissingFrom(await policies.ListAsync(ct), [.. parsed.Receivers.Keys]) is { Count: > 0 } orphaned)
            {
                return TypedResults.ValidationProblem(orphaned);
            }

            if (!await store.TrySaveAsync(stored, etag, ct))
            {
                return TypedResults.Problem(title: "Configuration changed concurrently",
                    detail: "Another writer stored a configuration while this one was being checked; read it again and retry.",
                    statusCode: StatusCodes.Status409Conflict);
            }
        }
        catch (DaprException ex)
        {
            return StoreUnavailable(ex);
        }

        config.Apply(stored, parsed);
        try
        {
            await engine.ReloadConfigAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReloadFailed(loggers.CreateLogger(typeof(AlertingConfigApi)), ex);
        }

        return TypedResults.Ok(ConfigAccepted.Of(parsed));
    }

    private static ProblemHttpResult StoreUnavailable(DaprException ex) =>
        TypedResults.Problem(title: "Configuration not stored", detail: $"The state store is unavailable: {ex.Message}",
            statusCode: StatusCodes.Status503ServiceUnavailable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alert engine could not be told of the new configuration; it applies it at its next refresh")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}

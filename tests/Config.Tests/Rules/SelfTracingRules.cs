using AirisEpm.Config.Tests.Model;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// Outside Development a request through AIRIS is one trace of app and sidecar spans: every app exports its own spans
/// to trace-service's OTLP/HTTP route and every sidecar sends its spans there, each presenting the sidecar token
/// (APP_API_TOKEN) as dapr-api-token, the credential trace-service's ingest routes take beside traces:write. In compose
/// the sidecars get it through daprd's OTEL_EXPORTER_OTLP_TRACES_* variables; on Kubernetes through the Configuration
/// (<see cref="ConfigurationRules"/>), and the apps through $(APP_API_TOKEN) in their env.
/// </summary>
public static class SelfTracingRules
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    public const string HeadersVariable = "OTEL_EXPORTER_OTLP_TRACES_HEADERS";
    public const string TracesPath = "/v1/traces";

    public static IEnumerable<Finding> CheckCompose(ComposeFile compose, RunFile run)
    {
        var traceService = $"http://{AppIds.TraceService}:{ConfigurationRules.TraceServicePort}";
        foreach (var appId in run.Apps.Select(a => a.AppId).OfType<string>())
        {
            var expectations = new (string Service, string Variable, Func<string?, bool> Holds, string Expected)[]
            {
                (appId, EndpointVariable, v => v == traceService + TracesPath, traceService + TracesPath),
                (appId, HeadersVariable, CarriesAppToken, "dapr-api-token=${APP_API_TOKEN:?...}"),
                (appId + ComposeFile.SidecarSuffix, EndpointVariable, v => v == traceService, traceService + " (daprd adds /v1/traces)"),
                (appId + ComposeFile.SidecarSuffix, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", v => v == "http/protobuf", "http/protobuf"),
                (appId + ComposeFile.SidecarSuffix, "OTEL_EXPORTER_OTLP_INSECURE", v => v == "true", "true"),
                (appId + ComposeFile.SidecarSuffix, HeadersVariable, CarriesAppToken, "dapr-api-token=${APP_API_TOKEN:?...}"),
            };
            foreach (var (service, variable, holds, expected) in expectations)
            {
                if (compose.Service(service) is { } found && !holds(found.Environment.GetValueOrDefault(variable)))
                {
                    yield return new(compose.File.Path, $"services.{service}.environment.{variable}", $"must be {expected}");
                }
            }
        }
    }

    public static IEnumerable<Finding> CheckKubernetes(KubeManifests manifests)
    {
        foreach (var pod in KubePod.All(manifests).Where(p => p.AppId is not null))
        {
            var endpoint = pod.Env(EndpointVariable).Text("value");
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.AbsolutePath != TracesPath
                || uri.Port != ConfigurationRules.TraceServicePort || manifests.Find("Service", uri.Host.Split('.')[0]) is null)
            {
                yield return new(pod.Workload.File, pod.ContainerField("env." + EndpointVariable),
                    $"'{endpoint}' is not the OTLP/HTTP traces URL of a Service of {manifests.Source} on port {ConfigurationRules.TraceServicePort}");
            }

            var names = pod.Container.Child("env").Items().Select(e => e.Text("name")).ToList();
            if (pod.Env(HeadersVariable).Text("value") != "dapr-api-token=$(APP_API_TOKEN)"
                || names.IndexOf("APP_API_TOKEN") is var token && (token < 0 || token > names.IndexOf(HeadersVariable)))
            {
                yield return new(pod.Workload.File, pod.ContainerField("env." + HeadersVariable),
                    "must be dapr-api-token=$(APP_API_TOKEN), after APP_API_TOKEN (Kubernetes expands only variables defined earlier)");
            }
        }
    }

    private static bool CarriesAppToken(string? value) =>
        value is not null && value.StartsWith("dapr-api-token=", StringComparison.Ordinal)
        && ComposeProductionRules.RequiredVariable(value["dapr-api-token=".Length..]) == "APP_API_TOKEN";
}

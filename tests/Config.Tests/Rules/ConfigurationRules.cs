using AirisEpm.Config.Tests.Model;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>Each sidecar Configuration traces everything to trace-service's Zipkin endpoint and keeps metrics on.</summary>
public static class ConfigurationRules
{
    public const int TraceServicePort = 8003;
    public const string ZipkinPath = "/api/v2/spans";

    /// <param name="expectedHost">Where trace-service is reached from a sidecar in this environment.</param>
    public static IEnumerable<Finding> Check(RepoFile file, Func<string, bool> expectedHost)
    {
        var documents = DaprResource.Parse(file);
        if (documents.Count != 1 || documents[0].Kind != "Configuration")
        {
            yield return new(file.Path, "kind", "must hold exactly one Configuration");
            yield break;
        }

        var root = documents[0].Root;
        var rate = root.Text("spec.tracing.samplingRate");
        if (rate != "1")
        {
            yield return new(file.Path, "spec.tracing.samplingRate", $"is '{rate}'; every span is sent (\"1\")");
        }

        var endpoint = root.Text("spec.tracing.zipkin.endpointAddress");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || uri.Port != TraceServicePort || uri.AbsolutePath != ZipkinPath || !expectedHost(uri.Host))
        {
            yield return new(file.Path, "spec.tracing.zipkin.endpointAddress",
                $"'{endpoint}' is not {AppIds.TraceService}'s Zipkin endpoint (port {TraceServicePort}, path {ZipkinPath}) for this environment");
        }

        if (root.Text("spec.metric.enabled") != "true")
        {
            yield return new(file.Path, "spec.metric.enabled", "must be true");
        }
    }

    /// <summary>The host trace-service has, seen from a sidecar, per configuration file name.</summary>
    public static Func<string, bool> HostFor(string fileName) => fileName switch
    {
        _ when fileName.StartsWith("local", StringComparison.Ordinal) => host => host == "localhost",
        _ when fileName.StartsWith("compose", StringComparison.Ordinal) => host => host == AppIds.TraceService,
        _ => host => host.StartsWith(AppIds.TraceService + ".", StringComparison.Ordinal) && host.EndsWith(".svc.cluster.local", StringComparison.Ordinal),
    };
}

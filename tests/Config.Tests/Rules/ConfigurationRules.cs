using YamlDotNet.RepresentationModel;
using AirisEpm.Config.Tests.Model;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// Each sidecar Configuration samples every span, sends it to trace-service, and keeps metrics on. How it reaches
/// trace-service differs: on a laptop Zipkin (Development takes loopback callers without a token); in compose no
/// exporter in the file, because daprd's OTEL_EXPORTER_OTLP_TRACES_* variables carry the token (<see cref="SelfTracingRules"/>);
/// on Kubernetes OTLP/HTTP with the sidecar token from the dapr-app-token secret as the dapr-api-token header.
/// </summary>
public static class ConfigurationRules
{
    public const int TraceServicePort = 8003;
    public const string ZipkinPath = "/api/v2/spans";
    public const string TokenHeader = "dapr-api-token";
    public const string AppTokenSecret = "dapr-app-token";

    public enum Exporter
    {
        Zipkin,
        FromEnvironment,
        OtlpWithToken,
    }

    /// <param name="expectedHost">Where trace-service is reached from a sidecar in this environment.</param>
    public static IEnumerable<Finding> Check(RepoFile file, Func<string, bool> expectedHost, Exporter exporter)
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

        var findings = exporter switch
        {
            Exporter.Zipkin => CheckZipkin(file, root, expectedHost),
            Exporter.FromEnvironment => CheckNoExporter(file, root),
            _ => CheckOtlp(file, root, expectedHost),
        };
        foreach (var finding in findings)
        {
            yield return finding;
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

    public static Exporter ExporterFor(string fileName) => fileName switch
    {
        _ when fileName.StartsWith("local", StringComparison.Ordinal) => Exporter.Zipkin,
        _ when fileName.StartsWith("compose", StringComparison.Ordinal) => Exporter.FromEnvironment,
        _ => Exporter.OtlpWithToken,
    };

    /// <summary>The OTLP endpoint (<c>host:port</c>, no scheme, as daprd takes it) as a URI, or null.</summary>
    public static Uri? OtlpEndpoint(string? endpointAddress) =>
        endpointAddress is { Length: > 0 } && !endpointAddress.Contains("://", StringComparison.Ordinal)
            && Uri.TryCreate("http://" + endpointAddress, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" ? uri : null;

    private static IEnumerable<Finding> CheckZipkin(RepoFile file, YamlNode root, Func<string, bool> expectedHost)
    {
        var endpoint = root.Text("spec.tracing.zipkin.endpointAddress");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || uri.Port != TraceServicePort || uri.AbsolutePath != ZipkinPath || !expectedHost(uri.Host))
        {
            yield return new(file.Path, "spec.tracing.zipkin.endpointAddress",
                $"'{endpoint}' is not {AppIds.TraceService}'s Zipkin endpoint (port {TraceServicePort}, path {ZipkinPath}) for this environment");
        }
    }

    private static IEnumerable<Finding> CheckNoExporter(RepoFile file, YamlNode root)
    {
        foreach (var section in new[] { "zipkin", "otel" }.Where(s => root.At("spec.tracing." + s) is not null))
        {
            yield return new(file.Path, "spec.tracing." + section,
                "names an exporter; here daprd's OTEL_EXPORTER_OTLP_TRACES_* variables do (they carry the token), and an exporter in the file would make daprd ignore them");
        }
    }

    private static IEnumerable<Finding> CheckOtlp(RepoFile file, YamlNode root, Func<string, bool> expectedHost)
    {
        var endpoint = root.Text("spec.tracing.otel.endpointAddress");
        if (OtlpEndpoint(endpoint) is not { } uri || uri.Port != TraceServicePort || !expectedHost(uri.Host))
        {
            yield return new(file.Path, "spec.tracing.otel.endpointAddress",
                $"'{endpoint}' is not {AppIds.TraceService}'s OTLP address (host:{TraceServicePort}, no scheme or path) for this environment");
        }

        if (root.Text("spec.tracing.otel.protocol") != "http")
        {
            yield return new(file.Path, "spec.tracing.otel.protocol", $"must be http: trace-service's port {TraceServicePort} takes OTLP/HTTP");
        }

        if (root.Text("spec.tracing.otel.isSecure") != "false")
        {
            yield return new(file.Path, "spec.tracing.otel.isSecure", $"must be false: port {TraceServicePort} is plain HTTP inside the cluster");
        }

        var header = root.At("spec.tracing.otel.headers").Items().FirstOrDefault(h => h.Text("name") == TokenHeader);
        if (header.Text("secretKeyRef.name") != AppTokenSecret || header.Text("secretKeyRef.key") != "token")
        {
            yield return new(file.Path, "spec.tracing.otel.headers",
                $"must send {TokenHeader} from secretKeyRef {AppTokenSecret}/token (the sidecar token trace-service accepts)");
        }
    }
}

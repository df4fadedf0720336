namespace AirisEpm.LogService.Ingest;

/// <summary>
/// Which label or attribute names the service of a record, in the order Loki derives its
/// <c>service_name</c>: explicit service names first, then application, workload and job names.
/// </summary>
public static class ServiceNames
{
    public const string Unknown = "unknown_service";

    private static readonly string[] Candidates =
    [
        "service_name", "service.name", "service", "app", "application", "name", "app_kubernetes_io_name",
        "k8s.deployment.name", "container", "container_name", "component", "workload", "job",
    ];

    public static string From(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var name in Candidates)
        {
            if (labels.TryGetValue(name, out var value) && value.Length > 0) return value;
        }

        return Unknown;
    }
}

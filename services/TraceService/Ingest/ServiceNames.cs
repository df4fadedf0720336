namespace AirisEpm.TraceService.Ingest;

/// <summary>The service of a span whose producer named none.</summary>
public static class ServiceNames
{
    /// <summary>What OpenTelemetry SDKs report when <c>service.name</c> is not set (resource semantic conventions).</summary>
    public const string Unknown = "unknown_service";

    public const string Attribute = "service.name";
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace AirisEpm.MetricsService.Ingest;

/// <summary>
/// Source-generated JSON metadata for the ingest body and answer: no reflection on the hot path and
/// nothing to warm up. Web defaults, as the minimal API's own options.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MetricsBatchRequest))]
[JsonSerializable(typeof(Apis.IngestResult))]
internal sealed partial class MetricsJsonContext : JsonSerializerContext;

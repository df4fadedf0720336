using System.Text.Json.Serialization;

namespace AirisEpm.AlertService.Apis.Models;

/// <summary>
/// Source-generated (de)serialisation of the bodies on the alert ingest path, first in the HTTP JSON
/// options' resolver chain: POST /api/v2/alerts then reads without reflection-built converters.
/// </summary>
[JsonSerializable(typeof(List<PostableAlert>))]
internal sealed partial class AlertApiJsonContext : JsonSerializerContext;

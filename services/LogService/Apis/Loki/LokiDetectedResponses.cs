using System.Text.Json.Serialization;

namespace AirisEpm.LogService.Apis.Loki;

/// <summary>
/// <c>detected_fields</c> and <c>detected_field/{name}/values</c>, as Loki's query frontend writes its
/// <c>DetectedFieldsResponse</c>: <c>fields</c> or <c>values</c>, and the <c>limit</c> when there is anything (all omitted when empty).
/// </summary>
public sealed record LokiDetectedFieldsResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<LokiDetectedFieldView>? Fields,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Values,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Limit);

/// <summary>One detected field: <c>parsers</c> is always written (null for structured metadata), <c>jsonPath</c> only for JSON fields.</summary>
public sealed record LokiDetectedFieldView(
    string Label,
    string Type,
    long Cardinality,
    IReadOnlyList<string>? Parsers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? JsonPath);

/// <summary><c>detected_labels</c>: <c>{"detectedLabels":[{"label":"…","cardinality":n}]}</c>.</summary>
public sealed record LokiDetectedLabelsResponse(IReadOnlyList<LokiDetectedLabelView> DetectedLabels);

public sealed record LokiDetectedLabelView(string Label, long Cardinality);

using System.Globalization;
using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.LogQl.Metadata;

/// <summary>One field of <c>detected_fields</c>: its name, type, distinct values seen, the parsers that found it (null: structured metadata) and, for JSON, its path.</summary>
public sealed record DetectedField(string Label, string Type, long Cardinality, IReadOnlyList<string>? Parsers, IReadOnlyList<string>? JsonPath);

/// <summary>
/// Loki's <c>detected_fields</c> over the lines a query returns (<c>pkg/querier/queryrange/detected_fields.go</c>):
/// each line's structured metadata (fields with no parser), the labels the query's own parsers set, and what
/// <c>| json</c> finds in the line, or where that fails <c>| logfmt</c>, named by that parser. A field's type is
/// inferred from the first value of each line (<see cref="FieldTypes"/>; the last line read decides, as in Loki),
/// its cardinality is the number of distinct values (exact here, a HyperLogLog estimate in Loki); at most
/// <c>limit</c> fields are kept. Error labels are never fields. Pure: lines in, fields out.
/// </summary>
public sealed class DetectedFields(int limit)
{
    private readonly Dictionary<string, Field> _fields = new(StringComparer.Ordinal);

    /// <summary>Adds one line: its structured metadata, the labels the query's pipeline set, and the line to parse.</summary>
    public void Add(IReadOnlyDictionary<string, string> metadata, IReadOnlyDictionary<string, string> stream, IReadOnlyDictionary<string, string> parsedByQuery, string line)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var (name, value) in metadata)
        {
            if (FieldNamed(name, []) is not { } field) continue;
            field.Type = FieldTypes.Of(value);
            field.Values.Add(value);
        }

        var (parsed, parser, paths) = Parse(stream, parsedByQuery, line);
        foreach (var (name, values) in parsed)
        {
            if (FieldNamed(name, parser is null ? [] : [parser]) is not { } field) continue;
            if (parser is not null && !field.Parsers.Contains(parser)) field.Parsers.Add(parser);
            if (parser == "json") field.JsonPath = paths.GetValueOrDefault(name);
            field.Type = FieldTypes.Of(values[0]);
            foreach (var value in values) field.Values.Add(value);
        }
    }

    public IReadOnlyList<DetectedField> Fields => _fields.OrderBy(f => f.Key, StringComparer.Ordinal)
        .Select(f => new DetectedField(f.Key, f.Value.Type, f.Value.Values.Count, f.Value.Parsers.Count == 0 ? null : [.. f.Value.Parsers], f.Value.JsonPath))
        .ToList();

    /// <summary>
    /// Loki's <c>detected_field/{name}/values</c> over the same lines: the distinct values of one field, a size
    /// written the way humanize writes it (<c>1.5 KiB</c> as <c>1.5kB</c>) so it can go into a query; at most
    /// <paramref name="max"/>, sorted.
    /// </summary>
    public static IReadOnlyList<string> Values(string name, int max, IEnumerable<(IReadOnlyDictionary<string, string> Metadata, IReadOnlyDictionary<string, string> Stream, IReadOnlyDictionary<string, string> Parsed, string Line)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (metadata, stream, parsedByQuery, line) in lines)
        {
            if (values.Count >= max) break;
            if (metadata.TryGetValue(name, out var fromMetadata)) values.Add(fromMetadata);
            var (parsed, _, _) = Parse(stream, parsedByQuery, line);
            if (!parsed.TryGetValue(name, out var found)) continue;
            foreach (var value in found) values.Add(AsQueryValue(value));
        }

        return values.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>humanize's <c>Bytes</c> (SI, one decimal under 10) without its space, for values that are sizes with a unit.</summary>
    public static string AsQueryValue(string value)
    {
        var lower = value.ToLowerInvariant();
        if (!FieldTypes.IsBytes(value) || !ByteUnits.Any(u => lower.EndsWith(u, StringComparison.Ordinal)) || !ByteSize.TryParseValue(value.Replace(",", "", StringComparison.Ordinal), out var bytes))
        {
            return value;
        }

        var size = Math.Floor(bytes);
        if (size < 10) return string.Create(CultureInfo.InvariantCulture, $"{size}B");
        string[] suffixes = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
        var exponent = Math.Min((int)Math.Floor(Math.Log(size) / Math.Log(1000)), suffixes.Length - 1);
        var scaled = Math.Floor((size / Math.Pow(1000, exponent) * 10) + 0.5) / 10;
        return (scaled < 10 ? scaled.ToString("0.0", CultureInfo.InvariantCulture) : scaled.ToString("0", CultureInfo.InvariantCulture)) + suffixes[exponent];
    }

    private static readonly string[] ByteUnits = ["b", "kib", "kb", "mib", "mb", "gib", "gb", "tib", "tb", "pib", "pb", "eib", "eb", "ki", "k", "mi", "m", "gi", "g", "ti", "t", "pi", "p", "ei", "e"];

    /// <summary>Loki's <c>parseEntry</c>: the query's parsed labels plus what json (or else logfmt) finds; the parser is null when neither applies.</summary>
    private static (Dictionary<string, List<string>> Parsed, string? Parser, Dictionary<string, IReadOnlyList<string>> Paths) Parse(
        IReadOnlyDictionary<string, string> stream, IReadOnlyDictionary<string, string> parsedByQuery, string line)
    {
        var parsed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string name, string value)
        {
            if (name is StreamLabels.Error or StreamLabels.ErrorDetails or "__preserve_error__") return;
            if (!parsed.TryGetValue(name, out var list)) parsed[name] = list = [];
            if (!list.Contains(value, StringComparer.Ordinal)) list.Add(value);
        }

        foreach (var (name, value) in parsedByQuery) Add(name, value);
        var baseLabels = stream.Where(l => !parsedByQuery.ContainsKey(l.Key)).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        var paths = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var labels = new LineLabels(baseLabels);
        var parser = "json";
        JsonLabelExtractor.Extract(line, labels, paths);
        if (labels.Error is not null)
        {
            labels = new LineLabels(baseLabels);
            parser = "logfmt";
            LogfmtLabelExtractor.Extract(line, labels);
        }

        foreach (var (name, value) in labels.SetLabels) Add(name, value);
        return (parsed, parser, paths);
    }

    private Field? FieldNamed(string name, List<string> parsers)
    {
        if (_fields.TryGetValue(name, out var field)) return field;
        if (_fields.Count >= limit) return null;
        return _fields[name] = new Field(parsers);
    }

    private sealed class Field(List<string> parsers)
    {
        public string Type { get; set; } = FieldTypes.Text;

        public List<string> Parsers { get; } = parsers;

        public IReadOnlyList<string>? JsonPath { get; set; }

        public HashSet<string> Values { get; } = new(StringComparer.Ordinal);
    }
}

using System.Globalization;
using System.Text.Json;
using AirisEpm.TraceService.Storage;
using Microsoft.AspNetCore.Http;

namespace AirisEpm.TraceService.Apis.Jaeger;

/// <summary>
/// The parameters of Jaeger's <c>GET /api/traces</c>: <c>service</c> (required unless <c>traceID</c> is given),
/// <c>operation</c>, <c>tags</c> (a JSON object of strings) and repeated <c>tag=key:value</c>, <c>minDuration</c>
/// and <c>maxDuration</c> (Go durations), <c>start</c> and <c>end</c> (Unix microseconds; by default the last
/// <c>lookback</c>, one hour unless given), <c>limit</c> (traces, default 100, at most <see cref="MaxLimit"/>), and
/// repeated <c>traceID</c> to fetch given traces instead of searching.
/// </summary>
public sealed record JaegerSearchParameters(TraceQuery Query, IReadOnlyList<string> TraceIds)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_500;
    private static readonly long DefaultLookbackNs = (long)TimeSpan.FromHours(1).TotalNanoseconds;

    public static JaegerSearchParameters Parse(IQueryCollection query, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(query);
        var traceIds = query["traceID"].Where(v => !string.IsNullOrEmpty(v)).Select(v => Jaeger.TraceIds.Normalise(v!)).ToList();
        var service = Single(query, "service");
        if (service is null && traceIds.Count == 0)
        {
            throw new JaegerParameterException("parameter 'service' is required");
        }

        var endNs = Microseconds(query, "end") ?? nowNs;
        var lookbackNs = Duration(query, "lookback") ?? DefaultLookbackNs;
        var startNs = Microseconds(query, "start") ?? (endNs - lookbackNs);
        if (startNs > endNs)
        {
            throw new JaegerParameterException("start must not be after end");
        }

        var min = Duration(query, "minDuration");
        var max = Duration(query, "maxDuration");
        if (min is { } lo && max is { } hi && lo > hi)
        {
            throw new JaegerParameterException("'maxDuration' should be greater than 'minDuration'");
        }

        var traceQuery = new TraceQuery(
            startNs,
            endNs == long.MaxValue ? endNs : endNs + 1,
            service,
            Single(query, "operation"),
            Tags(query),
            min,
            max,
            Limit(query));
        return new JaegerSearchParameters(traceQuery, traceIds);
    }

    private static string? Single(IQueryCollection query, string name) =>
        query[name].LastOrDefault(v => !string.IsNullOrEmpty(v));

    private static long? Microseconds(IQueryCollection query, string name)
    {
        if (Single(query, name) is not { } text)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var us) || us < 0 || us > long.MaxValue / 1_000)
        {
            throw new JaegerParameterException($"unable to parse param '{name}': '{Clip(text)}' is not Unix microseconds");
        }

        return us * 1_000;
    }

    private static long? Duration(IQueryCollection query, string name)
    {
        if (Single(query, name) is not { } text)
        {
            return null;
        }

        return GoDuration.TryParseNanoseconds(text, out var error)
            ?? throw new JaegerParameterException($"cannot parse {name}: time: {error}");
    }

    private static int Limit(IQueryCollection query)
    {
        if (Single(query, "limit") is not { } text)
        {
            return DefaultLimit;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) || limit < 0)
        {
            throw new JaegerParameterException($"unable to parse param 'limit': '{Clip(text)}' is not a non-negative integer");
        }

        return limit == 0 ? DefaultLimit : Math.Min(limit, MaxLimit);
    }

    private static Dictionary<string, string> Tags(IQueryCollection query)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in query["tag"].Where(t => !string.IsNullOrEmpty(t)))
        {
            var colon = tag!.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new JaegerParameterException($"malformed 'tag' parameter, expecting key:value, received: {Clip(tag)}");
            }

            tags[tag[..colon]] = tag[(colon + 1)..];
        }

        foreach (var json in query["tags"].Where(t => !string.IsNullOrEmpty(t)))
        {
            foreach (var (key, value) in ParseTagsJson(json!))
            {
                tags[key] = value;
            }
        }

        return tags;
    }

    private static Dictionary<string, string> ParseTagsJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JaegerParameterException("malformed 'tags' parameter, expecting a JSON object of strings");
            }

            return document.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String
                    ? p.Value.GetString()!
                    : throw new JaegerParameterException($"malformed 'tags' parameter, value of '{Clip(p.Name)}' is not a string"),
                StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new JaegerParameterException("malformed 'tags' parameter, cannot unmarshal JSON: " + e.Message);
        }
    }

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "…" : text;
}

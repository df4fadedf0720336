using System.Globalization;
using AirisEpm.LogService.LogQl.Syntax;
using AirisEpm.ServiceDefaults.Text;
using Microsoft.Extensions.Primitives;

namespace AirisEpm.LogService.Apis.Loki;

/// <summary>
/// Loki's request parameters, read as Go's <c>r.Form</c> reads them: the URL's query string merged with
/// a form body (Grafana POSTs long queries as <c>application/x-www-form-urlencoded</c>), the body winning.
/// Times are RFC 3339 or Unix seconds, ms, µs or ns (<see cref="UnixTime"/>); defaults follow Loki:
/// <c>end</c> now, <c>start</c> <c>since</c> (1h) before the earlier of end and now, <c>limit</c> 100,
/// <c>direction</c> backward, <c>step</c> the range / 250 in whole seconds (at least 1 s).
/// Every accessor throws <see cref="LokiParameterException"/> naming the parameter.
/// </summary>
public sealed class LokiParameters
{
    public const int DefaultLimit = 100;
    public static readonly TimeSpan DefaultSince = TimeSpan.FromHours(1);

    private readonly Dictionary<string, StringValues> _values;

    private LokiParameters(Dictionary<string, StringValues> values) => _values = values;

    public static async Task<LokiParameters> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Query.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(ct))
            {
                values[key] = value;
            }
        }

        return new LokiParameters(values);
    }

    public string? Get(string name) => _values.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value[^1] : null;

    public IReadOnlyList<string> GetAll(string name) => _values.TryGetValue(name, out var value) ? value.OfType<string>().ToList() : [];

    public string Query(bool required = true) => Get("query") ?? (required ? throw new LokiParameterException("query", "a LogQL query is required") : "");

    /// <summary>[start, end] of the request, as Loki's <c>determineBounds</c>.</summary>
    public (long StartNs, long EndNs) Bounds(long nowNs)
    {
        var sinceNs = (long)(DefaultSince.TotalMilliseconds * 1_000_000);
        if (Get("since") is { } since && (!LogQlDuration.TryParse(since, out sinceNs) || sinceNs <= 0))
        {
            throw new LokiParameterException("since", $"'{since}' is not a duration such as 1h");
        }

        var endNs = Time("end", nowNs);
        var startNs = Time("start", Math.Min(endNs, nowNs) - sinceNs);
        if (endNs < startNs) throw new LokiParameterException("end", "end timestamp must not be before or equal to start time");
        return (startNs, endNs);
    }

    public long Time(string name, long defaultNs)
    {
        if (Get(name) is not { } text) return defaultNs;
        return UnixTime.TryParseQueryNs(text, out var ns) ? ns : throw new LokiParameterException(name, $"'{text}' is not an RFC 3339 time or Unix seconds, ms, µs or ns");
    }

    public int Limit()
    {
        if (Get("limit") is not { } text) return DefaultLimit;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit)) throw new LokiParameterException("limit", $"'{text}' is not a whole number");
        return limit > 0 ? limit : throw new LokiParameterException("limit", "limit must be a positive value");
    }

    /// <summary>A positive whole number, <paramref name="defaultValue"/> when absent (Loki's <c>line_limit</c>, <c>field_limit</c>).</summary>
    public int PositiveInt(string name, int defaultValue)
    {
        if (Get(name) is not { } text) return defaultValue;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) throw new LokiParameterException(name, $"'{text}' is not a whole number");
        return value > 0 ? value : throw new LokiParameterException(name, "limit must be a positive value");
    }

    /// <summary>True for backward (newest first, the default), false for forward.</summary>
    public bool Backward() => Get("direction")?.ToUpperInvariant() switch
    {
        null or "BACKWARD" => true,
        "FORWARD" => false,
        var other => throw new LokiParameterException("direction", $"invalid direction '{other.ToLowerInvariant()}'; use forward or backward"),
    };

    /// <summary>The step in ns: seconds (with a fraction) or a duration; by default the range / 250, whole seconds, at least 1 s.</summary>
    public long Step(long startNs, long endNs)
    {
        if (Get("step") is not { } text)
        {
            return Math.Max(1, (endNs - startNs) / 1_000_000_000 / 250) * 1_000_000_000;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && Math.Abs(seconds) < 9e9)
        {
            return (long)Math.Round(seconds * 1e9);
        }

        return LogQlDuration.TryParse(text, out var ns) ? ns : throw new LokiParameterException("step", $"cannot parse \"{text}\" to a valid duration");
    }
}

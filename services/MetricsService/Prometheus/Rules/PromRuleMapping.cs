using System.Globalization;
using System.Text;
using System.Text.Json;
using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Prometheus.Rules;

/// <summary>
/// alert-service's rules in Prometheus's shapes. Each rule is evaluated by its own actor on its own interval, so each
/// is one group (named after the rule, file <c>alert-service</c>) with one alerting rule. The rule's labels carry its
/// severity, as its alerts do; a pending or firing rule has one alert (alert-service's rules have one alert each),
/// labelled <c>alertname</c> plus the rule's labels. Annotations are the rule's templates as written: alert-service
/// fills them in when it notifies. The query is the rule's PromQL <c>expr</c>, else its condition tree as JSON.
/// Health: <c>failed</c> is Prometheus's <c>err</c> (with the last error), <c>no_data</c> is <c>ok</c>.
/// </summary>
public static class PromRuleMapping
{
    public const string File = "alert-service";

    public static PromRuleGroup Group(AlertServiceRule rule, AlertServiceRuleState? state)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var document = rule.Rule;
        var name = document?.Name ?? rule.Id;
        var labels = new SortedDictionary<string, string>(document?.Labels?.ToDictionary() ?? [], StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(document?.Severity))
        {
            labels["severity"] = document.Severity;
        }

        var annotations = new SortedDictionary<string, string>(document?.Annotations?.ToDictionary() ?? [], StringComparer.Ordinal);
        var phase = state?.Phase is "pending" or "firing" ? state.Phase : "inactive";
        var alerts = new List<PromAlert>();
        if (phase != "inactive")
        {
            var alertLabels = new SortedDictionary<string, string>(labels, StringComparer.Ordinal) { ["alertname"] = name };
            alerts.Add(new PromAlert(alertLabels, annotations, phase, state!.PendingSince ?? state.FiringSince, state.KeepFiringSince,
                FormatE(state.LastValue ?? double.NaN)));
        }

        var health = state?.Health switch
        {
            "ok" or "no_data" => "ok",
            "failed" => "err",
            _ => "unknown",
        };
        var alerting = new PromAlertingRule(
            phase, name, Query(document), Seconds(document?.For, 0), Seconds(document?.KeepFiringFor, 0), labels, annotations, alerts,
            health, health == "err" ? state?.LastError : null, state?.LastEvaluatedAt);
        return new PromRuleGroup(name, File, [alerting], Seconds(document?.EvaluationInterval, 60), state?.LastEvaluatedAt);
    }

    /// <summary>Go's <c>strconv.FormatFloat(v, 'e', -1, 64)</c>, as Prometheus writes an alert's value: <c>1e+00</c>, <c>2.5e-07</c>.</summary>
    public static string FormatE(double value)
    {
        if (!double.IsFinite(value))
        {
            return PromFloat.Format(value);
        }

        var shortest = Shortest(Math.Abs(value));
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = shortest[..exponentAt];
        mantissa = mantissa.Contains('.', StringComparison.Ordinal) ? mantissa.TrimEnd('0').TrimEnd('.') : mantissa;
        var exponent = int.Parse(shortest.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var sign = value < 0 || (value == 0 && double.IsNegative(value)) ? "-" : "";
        return $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The shortest round-trip digits in <c>d.dddE±x</c> form.</summary>
    private static string Shortest(double magnitude)
    {
        for (var digits = 0; digits < 17; digits++)
        {
            var text = magnitude.ToString("E" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (double.Parse(text, CultureInfo.InvariantCulture) == magnitude)
            {
                return text;
            }
        }

        return magnitude.ToString("E16", CultureInfo.InvariantCulture);
    }

    private static double Seconds(string? duration, double absent) =>
        PromDuration.TryParseMs(duration, out var ms) ? ms / 1000.0 : absent;

    private static string Query(AlertServiceRuleDocument? document)
    {
        if (!string.IsNullOrWhiteSpace(document?.Expr))
        {
            return document.Expr;
        }

        if (document?.Condition is not { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } condition)
        {
            return "";
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, PromJson.WriterOptions))
        {
            WriteWithoutNulls(writer, condition);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteWithoutNulls(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null))
                {
                    writer.WritePropertyName(property.Name);
                    WriteWithoutNulls(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteWithoutNulls(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// Query results in Prometheus's JSON (2.42, checked against its binary): a sample is <c>[&lt;seconds&gt;, "&lt;value&gt;"]</c>
/// with the time written as <c>1435781451.781</c> (three fraction digits, kept as written: <c>1.500</c>; none for whole
/// seconds) and the value as Go's <c>strconv.FormatFloat(v, 'f', -1, 64)</c>, in exponent form below 1e-6 and from 1e21
/// (<c>1e-07</c>, <c>1e+21</c>); NaN and ±Inf as <c>"NaN"</c>, <c>"+Inf"</c>, <c>"-Inf"</c>. A scalar or string result
/// writes its time as a plain JSON number (<c>1.5</c>) and a scalar's value in fixed notation at every magnitude.
/// </summary>
public static class PromJson
{
    /// <summary>
    /// Text as Go writes it: UTF-8 kept, <c>\"</c> and <c>\\</c> escaped. Go also writes &lt; &gt; &amp; as <c>\u003c</c>
    /// and the like, which is the same JSON string.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteValue(Utf8JsonWriter writer, QueryValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("resultType", value.ResultType);
        writer.WritePropertyName("result");
        switch (value)
        {
            case ScalarValue scalar:
                WritePlainTimePair(writer, scalar.T, PromFloat.Format(scalar.V));
                break;
            case StringValue text:
                WritePlainTimePair(writer, text.T, text.V);
                break;
            case VectorValue vector:
                writer.WriteStartArray();
                foreach (var sample in vector.Samples)
                {
                    writer.WriteStartObject();
                    WriteMetric(writer, "metric", sample.Metric);
                    writer.WritePropertyName("value");
                    WriteSample(writer, sample.T, sample.V);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case MatrixValue matrix:
                WriteMatrix(writer, matrix.Series);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "not a query value");
        }

        writer.WriteEndObject();
    }

    public static void WriteMatrix(Utf8JsonWriter writer, IReadOnlyList<Series> series)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(series);
        writer.WriteStartArray();
        foreach (var s in series)
        {
            writer.WriteStartObject();
            WriteMetric(writer, "metric", s.Metric);
            writer.WriteStartArray("values");
            foreach (var point in s.Points)
            {
                WriteSample(writer, point.T, point.V);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteMetric(Utf8JsonWriter writer, string property, LabelSet labels)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(labels);
        writer.WriteStartObject(property);
        foreach (var label in labels.Labels)
        {
            writer.WriteString(label.Name, label.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary><c>[&lt;time&gt;, "&lt;value&gt;"]</c> of a vector or matrix sample.</summary>
    public static void WriteSample(Utf8JsonWriter writer, long timeMs, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[SampleText.MaxBytes];
        writer.WriteStartArray();
        writer.WriteRawValue(text[..SampleText.Timestamp(timeMs, text)], skipInputValidation: true);
        writer.WriteStringValue(text[..SampleText.Value(value, text)]);
        writer.WriteEndArray();
    }

    /// <summary>Prometheus's <c>jsonutil.MarshalTimestamp</c>: seconds, then '.' and three digits when there are milliseconds.</summary>
    public static string Timestamp(long timeMs)
    {
        var sign = timeMs < 0 ? "-" : "";
        var magnitude = timeMs == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(timeMs);
        var seconds = (magnitude / 1000).ToString(CultureInfo.InvariantCulture);
        var fraction = magnitude % 1000;
        return fraction == 0 ? sign + seconds : sign + seconds + "." + fraction.ToString("000", CultureInfo.InvariantCulture);
    }

    /// <summary>Prometheus's <c>jsonutil.MarshalFloat</c>: 'f' notation, 'e' below 1e-6 and from 1e21.</summary>
    public static string SampleValue(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21) && double.IsFinite(value)
            ? PromFloat.FormatG(value)
            : PromFloat.Format(value);
    }

    /// <summary>A scalar's or string's <c>[float64(t)/1000, "v"]</c>, marshalled by Go's encoding/json.</summary>
    private static void WritePlainTimePair(Utf8JsonWriter writer, long timeMs, string value)
    {
        writer.WriteStartArray();
        writer.WriteRawValue(PromFloat.Format(timeMs / 1000.0), skipInputValidation: true);
        writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}

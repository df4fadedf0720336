using System.Text.Json;
using AirisEpm.Protocols.Ingest;

namespace AirisEpm.TraceService.Ingest.Zipkin;

/// <summary>
/// Typed reads of the value the reader is on (just after its property name). A value of the wrong
/// type is a problem at its path and is skipped whole, so the rest of the batch is still checked.
/// </summary>
internal static class ZipkinJson
{
    /// <summary>A string, or null for JSON null.</summary>
    public static string? String(ref Utf8JsonReader reader, ZipkinPath path, IngestProblems problems)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                Wrong(ref reader, path, "a string", problems);
                return null;
        }
    }

    /// <summary>A whole number of microseconds (or a port) within <paramref name="max"/>; null for JSON null or a problem.</summary>
    public static long? Integer(ref Utf8JsonReader reader, ZipkinPath path, long max, IngestProblems problems)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.Number)
        {
            Wrong(ref reader, path, "a number", problems);
            return null;
        }

        if (!reader.TryGetInt64(out var value) || value < 0 || value > max)
        {
            problems.Add(path.ToString(), $"a whole number from 0 to {max}");
            return null;
        }

        return value;
    }

    public static bool? Boolean(ref Utf8JsonReader reader, ZipkinPath path, IngestProblems problems)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                Wrong(ref reader, path, "true or false", problems);
                return null;
        }
    }

    /// <summary>True when the value is an object to read; false (with a problem unless null) otherwise.</summary>
    public static bool StartObject(ref Utf8JsonReader reader, ZipkinPath path, IngestProblems problems)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject) return true;
        if (reader.TokenType != JsonTokenType.Null) Wrong(ref reader, path, "an object", problems);
        return false;
    }

    /// <summary>True when the value is an array to read; false (with a problem unless null) otherwise.</summary>
    public static bool StartArray(ref Utf8JsonReader reader, ZipkinPath path, IngestProblems problems)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartArray) return true;
        if (reader.TokenType != JsonTokenType.Null) Wrong(ref reader, path, "an array", problems);
        return false;
    }

    /// <summary>Skips the value of a property nobody reads (Zipkin ignores unknown fields too).</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    public static void Wrong(ref Utf8JsonReader reader, ZipkinPath path, string expected, IngestProblems problems)
    {
        problems.Add(path.ToString(), $"must be {expected}, not {Describe(reader.TokenType)}");
        reader.Skip();
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

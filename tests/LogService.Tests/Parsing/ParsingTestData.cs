using System.Globalization;
using System.Text.RegularExpressions;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Parsing;

namespace AirisEpm.LogService.Tests.Parsing;

/// <summary>Shared inputs: one parser, a fixed receive time (2024-03-15T12:00:00Z), ISO text to Unix ns.</summary>
internal static class ParsingTestData
{
    public static readonly RawLineParser Parser = new();

    public static readonly long ReceivedNs = Ns("2024-03-15T12:00:00Z");

    /// <summary>ISO 8601 to Unix ns, the fraction read to the nanosecond (DateTimeOffset keeps only 7 digits).</summary>
    public static long Ns(string iso)
    {
        var fraction = Regex.Match(iso, @"\.(\d+)");
        var fractionNs = 0L;
        if (fraction.Success)
        {
            fractionNs = long.Parse(fraction.Groups[1].Value.PadRight(9, '0')[..9], CultureInfo.InvariantCulture);
            iso = iso.Remove(fraction.Index, fraction.Length);
        }
        var instant = DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return (instant.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) * 100 + fractionNs;
    }

    public static LogDraft Parse(string line) => Parser.Parse(line, ReceivedNs);
}

/// <summary>
/// One row of a format table: the line and everything the draft must say about it. Unset
/// properties must be null (or empty, for <see cref="Fields"/>) in the draft: the check is exact.
/// </summary>
public sealed record LineCase(string Line, LineFormat Format, string? Time, Severity Level, string Message)
{
    public string? Service { get; init; }
    public string? Host { get; init; }
    public string? Logger { get; init; }
    public string? Thread { get; init; }
    public string? TraceId { get; init; }
    public string? SpanId { get; init; }
    public string? StackTrace { get; init; }
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    public void AssertMatches(LogDraft draft)
    {
        Assert.Equal(Format, draft.Format);
        Assert.Equal(Time is null ? null : ParsingTestData.Ns(Time), draft.TimestampNs);
        Assert.Equal(Level, draft.Level);
        Assert.Equal(Message, draft.Message);
        Assert.Equal(Service, draft.Service);
        Assert.Equal(Host, draft.Host);
        Assert.Equal(Logger, draft.Logger);
        Assert.Equal(Thread, draft.Thread);
        Assert.Equal(TraceId, draft.TraceId);
        Assert.Equal(SpanId, draft.SpanId);
        Assert.Equal(StackTrace, draft.StackTrace);
        Assert.Equal(Fields.OrderBy(f => f.Key, StringComparer.Ordinal), draft.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
    }

    public override string ToString() => Line.Length <= 100 ? Line : Line[..100] + "…";
}

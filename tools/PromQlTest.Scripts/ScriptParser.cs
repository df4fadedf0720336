using System.Text.RegularExpressions;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// Reads promqltest scripts as Prometheus's <c>promql/promqltest</c> does: lines are trimmed, a line starting
/// with <c>#</c> counts as blank, and a blank line ends a command's block. Commands:
/// <code>
/// load 1m
///     http_requests_total{job="api"} 0+10x10 _ stale
/// clear
/// eval instant at 5m sum by (job) (http_requests_total)
///     {job="api"} 50
/// eval range from 0 to 10m step 5m http_requests_total
///     http_requests_total{job="api"} 0 50 100
/// eval_fail instant at 0 rate(http_requests_total)
///     expected_fail_regexp expected type range vector
/// eval instant at 0 sort(x)
///     expect ordered
///     expect no_warn
///     expect info regex: counter
/// </code>
/// Also <c>eval_ordered</c>, <c>eval_warn</c>, <c>eval_info</c>, <c>expect fail [msg:|regex: ...]</c>,
/// <c>expect range vector from &lt;s&gt; to &lt;e&gt; step &lt;d&gt;</c> and <c>expect string "..."</c>.
/// Unlike promqltest, an expression that does not parse is not a script error: its eval fails (or passes as
/// an <c>eval_fail</c>), so parse and type errors can be pinned too.
/// </summary>
public static partial class ScriptParser
{
    public static IReadOnlyList<ScriptCommand> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => l.Trim()).Select(l => l.StartsWith('#') ? "" : l).ToArray();
        var commands = new List<ScriptCommand>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var word = SpaceRegex().Split(line, 2)[0].ToLowerInvariant();
            if (word == "clear")
            {
                commands.Add(new ClearCommand(i + 1));
            }
            else if (word.StartsWith("load", StringComparison.Ordinal))
            {
                commands.Add(ParseLoad(lines, ref i));
            }
            else if (word.StartsWith("eval", StringComparison.Ordinal))
            {
                commands.Add(EvalParser.Parse(lines, ref i));
            }
            else
            {
                throw new ScriptFormatException(i + 1, $"invalid command \"{line}\"");
            }
        }

        return commands;
    }

    private static LoadCommand ParseLoad(string[] lines, ref int i)
    {
        var header = i + 1;
        var match = LoadRegex().Match(lines[i]);
        if (!match.Success)
        {
            throw new ScriptFormatException(header, "invalid load command. (load <step:duration>)");
        }

        if (match.Groups[1].Success)
        {
            throw new ScriptFormatException(header, "load_with_nhcb is not supported: native histograms are out of scope");
        }

        var step = match.Groups[2].Value;
        if (!PromDuration.TryParseMs(step, out var intervalMs) || intervalMs <= 0)
        {
            throw new ScriptFormatException(header, $"invalid step definition \"{step}\": expected a positive duration such as 30s or 1m");
        }

        var series = new List<SeriesDescription>();
        var seen = new HashSet<LabelSet>();
        while (i + 1 < lines.Length && lines[i + 1].Length > 0)
        {
            i++;
            var description = ParseSeries(lines[i], i + 1);
            if (!seen.Add(description.Metric))
            {
                throw new ScriptFormatException(i + 1, $"series {description.Metric} is loaded twice in one load command");
            }

            series.Add(description);
        }

        return new LoadCommand(header, intervalMs, series);
    }

    internal static SeriesDescription ParseSeries(string line, int lineNumber)
    {
        try
        {
            return SeriesDescriptionParser.Parse(line);
        }
        catch (FormatException ex)
        {
            throw new ScriptFormatException(lineNumber, $"invalid series description \"{line}\": {ex.Message}", ex);
        }
    }

    [GeneratedRegex(@"[\t ]+")]
    private static partial Regex SpaceRegex();

    [GeneratedRegex(@"^load(?:_(with_nhcb))?\s+(.+?)$")]
    private static partial Regex LoadRegex();
}

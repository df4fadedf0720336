using System.Globalization;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Ingest.Loki;
using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.LogQl.Syntax;
using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.Tests.LogQl.Scripts;

/// <summary>
/// Reads LogQL script tests, after Prometheus's <c>promqltest</c> files: readable by someone who never
/// opened the engine. Lines starting with <c>#</c> are comments; indented lines belong to the command above.
/// <code>
/// load 2026-01-01T00:00:00Z                      # a base time; offsets below are from it
///   10s {service_name="api", detected_level="error", env="prod"} GET /users 500
/// set max_records_scanned 5                      # LogQlOptions for the evals below
/// eval range from 1m to 3m step 1m count_over_time({service_name="api"}[1m])
///   {detected_level="error", env="prod", service_name="api"} 1 _ 2     # one value per step, _ for none
/// eval instant at 1m sum(count_over_time({env="prod"}[1m]))
///   {} 2                                         # or: scalar 2
/// eval streams from 0s to 5m limit 10 forward {env="prod"} |= "GET"
///   {detected_level="error", env="prod", service_name="api"} 10s GET /users 500
/// eval instant at 1m {env="prod"}
///   error log queries are not supported          # a substring of the error
/// </code>
/// In <c>load</c>, the labels <c>service_name</c> and <c>detected_level</c> set the record's service and
/// level; the others become its labels.
/// </summary>
public static class LogQlScript
{
    public static IReadOnlyList<ScriptCommand> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var commands = new List<ScriptCommand>();
        var baseNs = 0L;
        var ids = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (IsBlankOrComment(line)) continue;
            if (char.IsWhiteSpace(line[0])) throw new FormatException($"line {i + 1}: an indented line outside a command");
            var block = new List<string>();
            var start = i;
            while (i + 1 < lines.Length && (lines[i + 1].Length == 0 || char.IsWhiteSpace(lines[i + 1][0]) || lines[i + 1].StartsWith('#')))
            {
                i++;
                if (!IsBlankOrComment(lines[i])) block.Add(lines[i].Trim());
            }

            var words = line.Split(' ', 2);
            switch (words[0])
            {
                case "load":
                    baseNs = (DateTimeOffset.Parse(words[1], CultureInfo.InvariantCulture).UtcTicks - DateTimeOffset.UnixEpoch.Ticks) * 100;
                    commands.Add(new LoadCommand(start + 1, block.Select(b => Record(b, baseNs, ++ids, start + 1)).ToList()));
                    break;
                case "set":
                    var set = words[1].Split(' ');
                    commands.Add(new SetCommand(start + 1, set[0], int.Parse(set[1], CultureInfo.InvariantCulture)));
                    break;
                case "eval":
                    commands.Add(Eval(words[1], block, baseNs, start + 1));
                    break;
                default:
                    throw new FormatException($"line {start + 1}: unknown command '{words[0]}'");
            }
        }

        return commands;
    }

    /// <summary>The label set at the start of <paramref name="text"/> (braces inside quoted values allowed) and the rest.</summary>
    public static (Dictionary<string, string> Labels, string Remainder) Labels(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && quoted) i++;
            else if (text[i] == '"') quoted = !quoted;
            else if (text[i] == '}' && !quoted)
            {
                var labels = LokiLabels.Parse(text[..(i + 1)], out var problem) ?? throw new FormatException(problem);
                return (labels, text[(i + 1)..].TrimStart());
            }
        }

        throw new FormatException($"no label set in '{text}'");
    }

    public static long Offset(string text, long baseNs) =>
        LogQlDuration.TryParse(text, out var ns) ? baseNs + ns : throw new FormatException($"'{text}' is not an offset such as 1m30s");

    private static LogRecord Record(string line, long baseNs, int id, int at)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var (labels, message) = Labels(line[(space + 1)..]);
        var service = labels.Remove(StreamLabels.ServiceName, out var s) ? s : "unknown_service";
        var level = labels.Remove(StreamLabels.DetectedLevel, out var l)
            ? (SeverityNames.TryParse(l, out var parsed) ? parsed : throw new FormatException($"line {at}: '{l}' is not a level"))
            : Severity.Unknown;
        return new LogRecord($"r{id:D8}", Offset(line[..space], baseNs), level, message, service, null, null, labels, new Dictionary<string, string>());
    }

    private static EvalCommand Eval(string text, List<string> block, long baseNs, int at)
    {
        var words = text.Split(' ');
        var error = block.Count == 1 && block[0].StartsWith("error ", StringComparison.Ordinal) ? block[0]["error ".Length..] : null;
        var expected = error is null ? block : [];
        string Rest(int from) => string.Join(' ', words.Skip(from));
        switch (words[0])
        {
            case "range" when words[1] == "from" && words[3] == "to" && words[5] == "step":
                if (!LogQlDuration.TryParse(words[6], out var step)) throw new FormatException($"line {at}: '{words[6]}' is not a step");
                return new EvalCommand(at, EvalKind.Range, Rest(7), Offset(words[2], baseNs), Offset(words[4], baseNs), step, 100, true, baseNs, error, expected);
            case "instant" when words[1] == "at":
                var time = Offset(words[2], baseNs);
                return new EvalCommand(at, EvalKind.Instant, Rest(3), time, time, 0, 100, true, baseNs, error, expected);
            case "streams" when words[1] == "from" && words[3] == "to":
                var next = 5;
                var limit = 100;
                var backward = true;
                if (words[next] == "limit")
                {
                    limit = int.Parse(words[next + 1], CultureInfo.InvariantCulture);
                    next += 2;
                }

                if (words[next] is "forward" or "backward")
                {
                    backward = words[next] == "backward";
                    next++;
                }

                return new EvalCommand(at, EvalKind.Streams, Rest(next), Offset(words[2], baseNs), Offset(words[4], baseNs), 1, limit, backward, baseNs, error, expected);
            default:
                throw new FormatException($"line {at}: expected 'eval range from … to … step …', 'eval instant at …' or 'eval streams from … to …'");
        }
    }

    private static bool IsBlankOrComment(string line) => line.Trim().Length == 0 || line.TrimStart().StartsWith('#');
}

using System.Text.RegularExpressions;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>Reads one <c>eval</c> command and its block (see <see cref="ScriptParser"/>).</summary>
internal static partial class EvalParser
{
    public static EvalCommand Parse(string[] lines, ref int i)
    {
        var header = i + 1;
        var instant = InstantRegex().Match(lines[i]);
        var range = RangeRegex().Match(lines[i]);
        if (!instant.Success && !range.Success)
        {
            throw new ScriptFormatException(header,
                "invalid evaluation command. Must be either 'eval[_fail|_warn|_info|_ordered] instant at <offset:duration> <query>' or 'eval[_fail|_warn|_info] range from <from> to <to> step <step> <query>'");
        }

        var modifier = instant.Success ? instant.Groups[1].Value : range.Groups[1].Value;
        var command = instant.Success ? Instant(instant, header) : Range(range, header);
        var block = new Block(modifier);
        while (i + 1 < lines.Length && lines[i + 1].Length > 0)
        {
            i++;
            if (!block.Read(lines[i], i + 1, command))
            {
                break;
            }
        }

        return block.Finish(command);
    }

    private static EvalCommand Instant(Match match, int line)
    {
        if (!match.Groups[2].Success)
        {
            throw new ScriptFormatException(line, "an instant eval needs 'at <time>'");
        }

        var at = Time(match.Groups[2].Value, "timestamp", line);
        return new EvalCommand(line, match.Groups[3].Value, false, at, at, 0);
    }

    private static EvalCommand Range(Match match, int line)
    {
        var start = Time(match.Groups[2].Value, "start timestamp", line);
        var end = Time(match.Groups[3].Value, "end timestamp", line);
        var step = Time(match.Groups[4].Value, "step", line);
        if (end < start)
        {
            throw new ScriptFormatException(line, $"invalid test definition, end timestamp ({match.Groups[3].Value}) is before start timestamp ({match.Groups[2].Value})");
        }

        if (step <= 0)
        {
            throw new ScriptFormatException(line, $"invalid step definition \"{match.Groups[4].Value}\": the step must be positive");
        }

        return new EvalCommand(line, match.Groups[5].Value, true, start, end, step);
    }

    internal static long Time(string text, string what, int line) =>
        PromDuration.TryParseMs(text, out var ms)
            ? ms
            : throw new ScriptFormatException(line, $"invalid {what} definition \"{text}\": not a valid duration string");

    /// <summary>The lines below an eval header: expectations, then the expected series (or a scalar).</summary>
    private sealed class Block(string modifier)
    {
        private readonly List<ExpectedSeries> _series = [];
        private readonly List<MessagePattern> _warn = [];
        private readonly List<MessagePattern> _info = [];
        private MessagePattern? _legacyFailMessage;
        private MessagePattern? _expectFail;
        private bool _ordered = modifier == "ordered";
        private bool _noWarn;
        private bool _noInfo;
        private double? _scalar;
        private string? _string;
        private (long Start, long End, long Step)? _rangeVector;

        /// <summary>Takes one line; false when the block ends after it (a scalar, an <c>expected_fail_*</c> line), as promqltest stops there.</summary>
        public bool Read(string line, int number, EvalCommand command)
        {
            if (modifier == "fail" && line.StartsWith("expected_fail_message", StringComparison.Ordinal))
            {
                _legacyFailMessage = MessagePattern.Exactly(line["expected_fail_message".Length..].Trim());
                return false;
            }

            if (modifier == "fail" && line.StartsWith("expected_fail_regexp", StringComparison.Ordinal))
            {
                _legacyFailMessage = Pattern(line["expected_fail_regexp".Length..].Trim(), number);
                return false;
            }

            if (line.StartsWith(ExpectLine.RangeVectorPrefix, StringComparison.Ordinal))
            {
                ReadRangeVector(line, number, command);
                return true;
            }

            if (line.StartsWith(ExpectLine.StringPrefix, StringComparison.Ordinal))
            {
                ReadString(line, number, command);
                return true;
            }

            if (line.Split(' ')[0] == "expect")
            {
                ReadExpect(line, number);
                return true;
            }

            if (ScriptNumber.TryParse(line, out var scalar))
            {
                _scalar = scalar;
                return false;
            }

            ReadSeries(line, number, command);
            return true;
        }

        public EvalCommand Finish(EvalCommand command)
        {
            if (_legacyFailMessage is not null && _expectFail is not null)
            {
                throw new ScriptFormatException(command.Line, "use either expected_fail_message/expected_fail_regexp or 'expect fail', not both");
            }

            var fail = modifier == "fail" ? _legacyFailMessage ?? _expectFail ?? MessagePattern.Any : _expectFail;
            ExpectedResult expected = _string is not null ? new ExpectedString(_string)
                : _scalar is { } scalar ? new ExpectedScalar(scalar)
                : new ExpectedSeriesSet(_series);
            var (start, end, step) = _rangeVector ?? (command.StartMs, command.EndMs, command.StepMs);
            return command with
            {
                StartMs = start,
                EndMs = end,
                StepMs = step,
                Fail = fail,
                Ordered = _ordered,
                Warnings = new AnnotationExpectation(modifier == "warn", _warn, _noWarn),
                Infos = new AnnotationExpectation(modifier == "info", _info, _noInfo),
                Expected = expected,
                ExcludeFromRangeMode = _rangeVector is not null || _string is not null,
            };
        }

        private void ReadExpect(string line, int number)
        {
            var (type, pattern) = ExpectLine.Parse(line, number);
            switch (type)
            {
                case "ordered": _ordered = true; break;
                case "fail":
                    if (_expectFail is not null)
                    {
                        throw new ScriptFormatException(number, "invalid expect lines, multiple expect fail lines are not allowed");
                    }

                    _expectFail = pattern;
                    break;
                case "warn": _warn.Add(pattern); break;
                case "no_warn": _noWarn = true; break;
                case "info": _info.Add(pattern); break;
                default: _noInfo = true; break;
            }

            if ((_warn.Count > 0 && _noWarn) || (_info.Count > 0 && _noInfo))
            {
                throw new ScriptFormatException(number, $"invalid expect lines, {(_noWarn ? "warn and no_warn" : "info and no_info")} cannot be used together");
            }
        }

        private void ReadRangeVector(string line, int number, EvalCommand command)
        {
            var match = ExpectLine.RangeVectorRegex().Match(line);
            if (!match.Success)
            {
                throw new ScriptFormatException(number, $"invalid range vector definition \"{line}\"");
            }

            if (command.IsRange)
            {
                throw new ScriptFormatException(number, "'expect range vector' belongs to an instant eval");
            }

            var start = Time(match.Groups[1].Value, "start timestamp", number);
            var end = Time(match.Groups[2].Value, "end timestamp", number);
            var step = Time(match.Groups[3].Value, "step", number);
            if (end < start || step <= 0)
            {
                throw new ScriptFormatException(number, "invalid range vector definition: the end must not be before the start and the step must be positive");
            }

            _rangeVector = (start, end, step);
        }

        private void ReadString(string line, int number, EvalCommand command)
        {
            if (command.IsRange)
            {
                throw new ScriptFormatException(number, "'expect string' belongs to an instant eval");
            }

            var literal = line[ExpectLine.StringPrefix.Length..].Trim();
            try
            {
                _string = QuotedString.Unquote(literal);
            }
            catch (FormatException ex)
            {
                throw new ScriptFormatException(number, $"expected string literal not valid - check that the string is correctly quoted: {ex.Message}", ex);
            }
        }

        private void ReadSeries(string line, int number, EvalCommand command)
        {
            var description = ScriptParser.ParseSeries(line, number);
            if (description.Values.Count == 0)
            {
                throw new ScriptFormatException(number, $"the expected series {description.Metric} has no value");
            }

            if (description.Values.Count > 1 && !command.IsRange && _rangeVector is null)
            {
                throw new ScriptFormatException(number,
                    "expecting multiple values in instant evaluation not allowed. consider using 'expect range vector' directive to enable a range vector result for an instant query");
            }

            if (_series.Any(s => s.Metric.Equals(description.Metric)))
            {
                throw new ScriptFormatException(number, $"series {description.Metric} is expected twice");
            }

            _series.Add(new ExpectedSeries(description.Metric, description.Values, _series.Count + 1, number));
        }

        private static MessagePattern Pattern(string pattern, int number)
        {
            try
            {
                return MessagePattern.Matching(pattern);
            }
            catch (FormatException ex)
            {
                throw new ScriptFormatException(number, ex.Message, ex);
            }
        }
    }

    [GeneratedRegex(@"^eval(?:_(fail|warn|ordered|info))?\s+instant\s+(?:at\s+(.+?))?\s+(.+)$")]
    private static partial Regex InstantRegex();

    [GeneratedRegex(@"^eval(?:_(fail|warn|info))?\s+range\s+from\s+(.+)\s+to\s+(.+)\s+step\s+(.+?)\s+(.+)$")]
    private static partial Regex RangeRegex();
}

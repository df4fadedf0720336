using System.Globalization;
using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.LogQl.Syntax;
using AirisEpm.LogService.Storage;
using Microsoft.Extensions.Options;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.Tests.LogQl.Scripts;

/// <summary>Runs a parsed script against a store: loads append records, evals run the engine and compare with the expected lines.</summary>
public sealed class LogQlScriptRunner(ILogStore store)
{
    private readonly LogQlOptions _options = new();

    public async Task RunAsync(IReadOnlyList<ScriptCommand> commands, string file, CancellationToken ct)
    {
        foreach (var command in commands)
        {
            switch (command)
            {
                case LoadCommand load:
                    await store.AppendAsync(load.Records, ct);
                    break;
                case SetCommand set:
                    Set(set);
                    break;
                case EvalCommand eval:
                    await EvalAsync(eval, $"{file}:{eval.Line}", ct);
                    break;
            }
        }
    }

    private void Set(SetCommand set)
    {
        switch (set.Option)
        {
            case "max_records_scanned": _options.MaxRecordsScanned = set.Value; break;
            case "max_series": _options.MaxSeries = set.Value; break;
            default: throw new FormatException($"line {set.Line}: unknown option {set.Option}");
        }
    }

    private async Task EvalAsync(EvalCommand eval, string where, CancellationToken ct)
    {
        var engine = new LogQlEngine(store, Options.Create(_options));
        QueryResult result;
        try
        {
            result = eval.Kind == EvalKind.Instant
                ? await engine.InstantQueryAsync(eval.Query, eval.StartNs, eval.Limit, ct)
                : await engine.RangeQueryAsync(eval.Query, eval.StartNs, eval.EndNs, eval.StepNs, eval.Limit, eval.Backward, ct);
        }
        catch (Exception e) when (eval.Error is not null && e is LogQlParseException or LogQlExecutionException)
        {
            Assert.True(e.Message.Contains(eval.Error, StringComparison.Ordinal), $"{where}: expected an error containing \"{eval.Error}\", got \"{e.Message}\"");
            return;
        }

        Assert.True(eval.Error is null, $"{where}: expected the error \"{eval.Error}\", got a result");
        var actual = Describe(result, eval);
        Assert.True(actual.SequenceEqual(eval.Expected.Select(e => Normalize(e, eval))),
            $"{where}: {eval.Query}\nexpected:\n  {string.Join("\n  ", eval.Expected)}\nactual:\n  {string.Join("\n  ", actual)}");
    }

    /// <summary>The result as script lines, in the canonical form of each kind.</summary>
    private static List<string> Describe(QueryResult result, EvalCommand eval) => result switch
    {
        MatrixResult matrix => matrix.Series.Select(s => $"{s.Labels} {string.Join(' ', Enumerable.Range(0, matrix.Grid.Count).Select(k => s.Present[k] ? Number(s.Values[k]) : "_"))}").ToList(),
        VectorResult vector => vector.Samples.Select(s => $"{s.Labels} {Number(s.Value)}").ToList(),
        ScalarResult scalar => [$"scalar {Number(scalar.Value)}"],
        StreamsResult streams => streams.Streams.SelectMany(s => s.Entries.Select(e => $"{s.Labels} {LogQlDuration.Format(e.TimestampNs - eval.BaseNs)} {e.Line}")).ToList(),
        _ => throw new ArgumentException("unknown result", nameof(result)),
    };

    /// <summary>An expected line with its labels and numbers written as <see cref="Describe"/> writes them.</summary>
    private static string Normalize(string expected, EvalCommand eval)
    {
        if (expected.StartsWith("scalar ", StringComparison.Ordinal)) return "scalar " + Number(Parse(expected[7..]));
        var (labels, rest) = LogQlScript.Labels(expected);
        var set = StreamLabels.SetOf(labels);
        if (eval.Kind == EvalKind.Streams)
        {
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            var offset = space < 0 ? rest : rest[..space];
            return $"{set} {LogQlDuration.Format(LogQlScript.Offset(offset, 0))} {(space < 0 ? "" : rest[(space + 1)..])}";
        }

        return $"{set} {string.Join(' ', rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v == "_" ? "_" : Number(Parse(v))))}";
    }

    private static double Parse(string text) => text switch
    {
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static string Number(double value) => double.IsNaN(value) ? "NaN" : Math.Round(value, 9).ToString("R", CultureInfo.InvariantCulture);
}

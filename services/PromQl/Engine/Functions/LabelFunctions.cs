using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>label_replace and label_join: they rewrite series labels and leave values (and the name) alone.</summary>
internal static class LabelFunctions
{
    public static async ValueTask<EvalValue> LabelReplaceAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var destination = StringArg(call, 1);
        var replacement = StringArg(call, 2);
        var source = StringArg(call, 3);
        var pattern = StringArg(call, 4);
        var regex = GoRegexTemplate.TryCompile(pattern)
            ?? throw QueryContext.Error($"invalid regular expression in label_replace(): {pattern}");
        if (!LabelText.IsValidName(destination))
        {
            throw QueryContext.Error($"invalid destination label name in label_replace(): {destination}");
        }

        var input = await evaluator.EvalVectorAsync(call.Args[0], grid, call.Function.Name);
        var output = new List<StepSeries>(input.Series.Count);
        foreach (var series in input.Series)
        {
            var replaced = regex.Replace(series.Metric[source] ?? "", replacement);
            output.Add(replaced is null ? series : new StepSeries(series.Metric.With(destination, replaced), series.Values));
        }

        return new VectorResult(SeriesMerger.MergeSameLabels(output));
    }

    public static async ValueTask<EvalValue> LabelJoinAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var destination = StringArg(call, 1);
        var separator = StringArg(call, 2);
        var sources = new List<string>();
        for (var i = 3; i < call.Args.Count; i++)
        {
            var source = StringArg(call, i);
            if (!LabelText.IsValidName(source))
            {
                throw QueryContext.Error($"invalid source label name in label_join(): {source}");
            }

            sources.Add(source);
        }

        if (!LabelText.IsValidName(destination))
        {
            throw QueryContext.Error($"invalid destination label name in label_join(): {destination}");
        }

        var input = await evaluator.EvalVectorAsync(call.Args[0], grid, call.Function.Name);
        var output = new List<StepSeries>(input.Series.Count);
        foreach (var series in input.Series)
        {
            var joined = string.Join(separator, sources.Select(s => series.Metric[s] ?? ""));
            output.Add(new StepSeries(series.Metric.With(destination, joined), series.Values));
        }

        return new VectorResult(SeriesMerger.MergeSameLabels(output));
    }

    public static string StringArg(Call call, int index) =>
        index < call.Args.Count && StepInvariance.Unwrap(call.Args[index]) is StringLiteral literal
            ? literal.Value
            : throw new PromQlException(PromQlErrorType.BadData, $"expected type string in argument {index + 1} of call to function \"{call.Function.Name}\"");
}

using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQlQuery.Benchmarks;

/// <summary>Answers each select with what a <see cref="RecordingSeriesSource"/> recorded for it: evaluation without the store.</summary>
public sealed class ReplaySeriesSource(IReadOnlyDictionary<string, IReadOnlyList<Series>> answers) : ISeriesSource
{
    public Task<IReadOnlyList<Series>> SelectAsync(IReadOnlyList<Matcher> matchers, SelectHints hints, CancellationToken cancellationToken) =>
        Task.FromResult(answers.TryGetValue(RecordingSeriesSource.Key(matchers, hints), out var answer)
            ? answer
            : throw new InvalidOperationException("no recorded answer for " + RecordingSeriesSource.Key(matchers, hints)));
}

using System.Diagnostics;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQlQuery.Benchmarks;

/// <summary>
/// Times every select of the source it wraps (the store read of a query) and keeps what it answered, so the same
/// query can be evaluated again without the store (<see cref="ReplaySeriesSource"/>).
/// </summary>
public sealed class RecordingSeriesSource(ISeriesSource inner) : ISeriesSource
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, IReadOnlyList<Series>> _answers = [];
    private long _elapsedTicks;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _elapsedTicks));

    public long SamplesLoaded { get; private set; }

    public IReadOnlyDictionary<string, IReadOnlyList<Series>> Answers
    {
        get
        {
            lock (_lock) return new Dictionary<string, IReadOnlyList<Series>>(_answers);
        }
    }

    public async Task<IReadOnlyList<Series>> SelectAsync(IReadOnlyList<Matcher> matchers, SelectHints hints, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = await inner.SelectAsync(matchers, hints, cancellationToken);
        Interlocked.Add(ref _elapsedTicks, Stopwatch.GetTimestamp() - started);
        lock (_lock)
        {
            _answers[Key(matchers, hints)] = answer;
            SamplesLoaded += answer.Sum(s => (long)s.Points.Count);
        }

        return answer;
    }

    public static string Key(IReadOnlyList<Matcher> matchers, SelectHints hints) => string.Join(",", matchers) + " " + hints;
}

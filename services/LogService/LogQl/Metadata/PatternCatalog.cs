using AirisEpm.LogService.Domain;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.Patterns;
using AirisEpm.LogService.Storage;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Metadata;

/// <summary>
/// Loki 3's <c>/patterns</c>: the patterns of the records a selector matches, with counts over time per
/// level. Records carry the id of the pattern the miner gave them at ingest; the store counts each id in
/// the range, and the miner supplies the template (its <c>&lt;*&gt;</c> placeholders written as Loki's
/// <c>&lt;_&gt;</c>). Patterns the miner no longer holds (evicted) have no template and are left out.
/// </summary>
public sealed class PatternCatalog(ILogStore store, PatternMiner miner)
{
    public const int MaxPatterns = 100;

    public sealed record PatternSeries(string Pattern, string Level, IReadOnlyList<(long StartNs, long Count)> Samples);

    public async Task<IReadOnlyList<PatternSeries>> PatternsAsync(IReadOnlyList<Matcher> matchers, long startNs, long endNs, long stepNs, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepNs);
        if (endNs <= startNs) return [];
        var filter = await new StoreQueryTranslator(store).TranslateAsync(matchers, [], startNs, endNs, ct);
        var ids = await store.ValuesAsync(LogFieldNames.PatternId, new LogQuery(filter.Text, startNs, endNs), MaxPatterns, ct);
        var templates = miner.Patterns.ToDictionary(p => p.Id, p => p.Template, StringComparer.Ordinal);
        var buckets = (int)Math.Clamp((endNs - startNs + stepNs - 1) / stepNs, 1, LogQueryLimits.MaxHistogramBuckets);
        var result = new List<PatternSeries>();
        foreach (var id in ids)
        {
            if (!templates.TryGetValue(miner.Resolve(id.Value), out var template)) continue;
            var histogram = await store.SearchAsync(new LogQuery(filter.Text, startNs, endNs, Limit: 0, PatternId: id.Value, HistogramBuckets: buckets), ct);
            foreach (var level in Enum.GetValues<Severity>())
            {
                var samples = histogram.Histogram.Select(b => (b.StartNs, Count: b.CountsByLevel.GetValueOrDefault(level))).Where(s => s.Count > 0).ToList();
                if (samples.Count > 0) result.Add(new PatternSeries(template.Replace("<*>", "<_>", StringComparison.Ordinal), SeverityNames.Of(level), samples));
            }
        }

        return result;
    }
}

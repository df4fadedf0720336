using System.Text;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.Storage;
using Microsoft.Extensions.Options;
using F = AirisEpm.LogService.Storage.LogFieldNames;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Metadata;

/// <summary>
/// What a query editor asks about streams: label names and values (from the store's facets, no record
/// read), the distinct label sets of the matching streams (read from the records, within the query
/// budget), and an estimate of how much a selector covers. Optional selectors narrow each answer; a
/// selector part the store cannot take exactly (<see cref="StoreQueryTranslator"/>) makes label names and
/// values a superset, as Loki's index-based answers also are.
/// </summary>
public sealed class StreamCatalog(ILogStore store, IOptions<LogQlOptions> options)
{
    public const int StatsSample = 1_000;

    /// <summary>The stream label names, sorted: every <c>labels.*</c> of the matching records plus <c>service_name</c>.</summary>
    public async Task<IReadOnlyList<string>> LabelNamesAsync(IReadOnlyList<Matcher>? matchers, long startNs, long endNs, CancellationToken ct)
    {
        var text = await FilterAsync(matchers, startNs, endNs, ct);
        var fields = await store.FieldsAsync(new LogQuery(text, startNs, endNs), ct);
        var names = fields.Select(f => f.Field).Where(f => f.StartsWith(F.LabelPrefix, StringComparison.Ordinal))
            .Select(f => f[F.LabelPrefix.Length..]).ToHashSet(StringComparer.Ordinal);
        if (fields.Count > 0) names.Add(StreamLabels.ServiceName);
        return names.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The values of one label, sorted; <c>service_name</c>, <c>detected_level</c> and the aliases read the record fields they stand for.</summary>
    public async Task<IReadOnlyList<string>> LabelValuesAsync(string name, IReadOnlyList<Matcher>? matchers, long startNs, long endNs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = await FilterAsync(matchers, startNs, endNs, ct);
        var values = new HashSet<string>(StringComparer.Ordinal);
        async Task AddAsync(string field, string? within)
        {
            var query = new LogQuery(within is null ? text : LuceneText.And([text ?? LuceneText.All, within]), startNs, endNs);
            foreach (var value in await store.ValuesAsync(field, query, LogQueryLimits.MaxLimit, ct)) values.Add(value.Value);
        }

        var label = F.LabelPrefix + name;
        switch (name)
        {
            case StreamLabels.ServiceName:
                await AddAsync(F.Service, null);
                break;
            case StreamLabels.DetectedLevel:
                await AddAsync(F.Level, null);
                break;
            case StreamLabels.Level or StreamLabels.Service:
                await AddAsync(label, null);
                await AddAsync(name == StreamLabels.Level ? F.Level : F.Service, LuceneText.Not(LuceneText.Present(label)));
                break;
            default:
                await AddAsync(label, null);
                break;
        }

        values.Remove("");
        return values.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Loki's <c>detected_labels</c>: every stream label with its values, kept or left out by <see cref="DetectedLabels.Select"/>.</summary>
    public async Task<IReadOnlyList<DetectedLabel>> DetectedLabelsAsync(IReadOnlyList<Matcher>? matchers, long startNs, long endNs, CancellationToken ct)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in await LabelNamesAsync(matchers, startNs, endNs, ct))
        {
            values[name] = await LabelValuesAsync(name, matchers, startNs, endNs, ct);
        }

        return DetectedLabels.Select(values);
    }

    /// <summary>The distinct stream label sets of the records any selector matches (all records when none is given), sorted.</summary>
    public async Task<IReadOnlyList<LabelSet>> SeriesAsync(IReadOnlyList<IReadOnlyList<Matcher>> selectors, long startNs, long endNs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        var budget = new QueryBudget(options.Value.MaxRecordsScanned);
        var scanner = new RecordScanner(store, budget);
        var translator = new StoreQueryTranslator(store);
        var found = new HashSet<LabelSet>();
        foreach (var matchers in selectors.Count == 0 ? [[]] : selectors)
        {
            var filter = await translator.TranslateAsync(matchers, [], startNs, endNs, ct);
            await foreach (var record in scanner.ScanAsync(filter.Text, startNs, endNs, newestFirst: true, readAll: true, RecordScanner.WindowRecords, ct))
            {
                var labels = StreamLabels.Of(record);
                if (filter.SelectorIsExact || SelectorMatch.Matches(matchers, labels)) found.Add(StreamLabels.SetOf(labels));
            }
        }

        return found.Order(LabelOrder.Instance).ToList();
    }

    /// <summary>
    /// Loki's index stats for a selector: <c>entries</c> is the store's exact count of matching records;
    /// <c>bytes</c> and <c>streams</c> are estimated from the newest <see cref="StatsSample"/> of them (mean line
    /// size × entries; distinct label sets seen); <c>chunks</c> is 0, as this store keeps no chunks.
    /// </summary>
    public async Task<(long Streams, long Chunks, long Bytes, long Entries)> IndexStatsAsync(IReadOnlyList<Matcher> matchers, long startNs, long endNs, CancellationToken ct)
    {
        var text = await FilterAsync(matchers, startNs, endNs, ct);
        var counted = await store.SearchAsync(new LogQuery(text, startNs, endNs, Limit: 0, HistogramBuckets: 1), ct);
        var entries = counted.Histogram.Sum(b => b.CountsByLevel.Values.Sum());
        if (entries == 0) return (0, 0, 0, 0);
        var sample = await store.SearchAsync(new LogQuery(text, startNs, endNs, Limit: StatsSample), ct);
        var records = sample.Hits.Select(h => h.Record).ToList();
        var meanBytes = records.Count == 0 ? 0 : records.Average(r => (double)Encoding.UTF8.GetByteCount(r.Message));
        var streams = records.Select(r => StreamLabels.SetOf(StreamLabels.Of(r))).Distinct().LongCount();
        return (Math.Max(1, streams), 0, (long)Math.Round(meanBytes * entries), entries);
    }

    private async Task<string?> FilterAsync(IReadOnlyList<Matcher>? matchers, long startNs, long endNs, CancellationToken ct) =>
        matchers is null or { Count: 0 } ? null : (await new StoreQueryTranslator(store).TranslateAsync(matchers, [], startNs, endNs, ct)).Text;
}

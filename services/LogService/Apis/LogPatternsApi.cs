using AirisEpm.LogService.Domain;
using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.LogQl.Metadata;
using AirisEpm.LogService.Patterns;
using AirisEpm.LogService.Patterns.Shared;
using AirisEpm.LogService.Storage;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Apis;

/// <summary>
/// The patterns of the matching records: counted in the store (so the window and filters are exact),
/// described by the miner (template, first and last seen, a sample line), each with its level
/// breakdown and counts per interval. With <see cref="SharedPatternOptions.Enabled"/> (replicas that each
/// store and mine part of the stream) the counts are every replica's, combined from the state store
/// (<see cref="DaprPatternShare"/>, <see cref="PatternCombiner"/>) at minute resolution, filtered by service and level.
/// First and last seen are the times of the oldest and newest matching record of the pattern (the records' own timestamps).
/// With <c>logql</c> (a LogQL log query, <see cref="LogQlSearch"/>) in place of <c>q</c>, every line the query passes is
/// counted under its record's pattern id (<see cref="RecordPatternTally"/>).
/// </summary>
public static class LogPatternsApi
{
    public const int MaxPatterns = 200;

    public static IEndpointRouteBuilder MapLogPatternsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/logs/patterns", PatternsAsync).WithName("LogPatterns").WithTags("Patterns").RequireAuthorization(Permissions.LogsRead)
            .WithSummary("Patterns of the matching records with counts, levels and counts per interval");
        return app;
    }

    public sealed record PatternView(
        string Id, string? Template, long Count, string? FirstSeen, string? LastSeen, string? Sample,
        IReadOnlyDictionary<string, long> ByLevel, long BucketNs, IReadOnlyList<long> Counts);

    internal static async Task<Results<Ok<IReadOnlyList<PatternView>>, ValidationProblem, ProblemHttpResult>> PatternsAsync(
        [AsParameters] SearchParameters parameters, [FromQuery] string? logql, [FromServices] ILogStore store, [FromServices] PatternMiner miner,
        [FromServices] LogQlEngine engine, TimeProvider time, [FromServices] IOptions<SharedPatternOptions> shared, [FromServices] DaprPatternShare share,
        CancellationToken ct)
    {
        if (logql is not null) return await LogQlPatternsAsync(parameters, logql, miner, engine, shared.Value, time, ct);
        var query = (parameters with { Buckets = parameters.Buckets is > 0 ? parameters.Buckets : 30 }).ToQuery(LogSearchApi.NowNs(time), out var problems);
        if (query is null) return TypedResults.ValidationProblem(problems);
        if (shared.Value.Enabled) return await SharedAsync(query, Math.Min(parameters.Limit ?? 50, MaxPatterns), share, ct);
        IReadOnlyList<ValueCount> counts;
        try
        {
            counts = await store.ValuesAsync("pattern_id", query, Math.Min(parameters.Limit ?? 50, MaxPatterns), ct);
        }
        catch (LogQueryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Problem] });
        }

        var known = miner.Patterns.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var bucketNs = Math.Max(1, (query.EndNs - query.StartNs) / query.HistogramBuckets);
        var views = new List<PatternView>(counts.Count);
        foreach (var count in counts)
        {
            var histogram = await store.SearchAsync(query with { PatternId = count.Value, Limit = 1, After = null, Highlight = false }, ct);
            var byLevel = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var bucket in histogram.Histogram)
            {
                foreach (var (level, n) in bucket.CountsByLevel)
                {
                    var name = level.ToString().ToLowerInvariant();
                    byLevel[name] = byLevel.GetValueOrDefault(name) + n;
                }
            }

            known.TryGetValue(miner.Resolve(count.Value), out var pattern);
            var patternQuery = query with { PatternId = count.Value, Limit = 1, After = null, Highlight = false };
            var newest = histogram.Hits.Count > 0 ? histogram.Hits[0].Record : null;
            var oldestNs = newest is null ? null : await OldestMatch.TimeNsAsync(store, patternQuery, histogram.Histogram, ct);
            views.Add(new PatternView(count.Value, pattern?.Template, count.Records, IsoNs(oldestNs), IsoNs(newest?.TimestampNs),
                pattern?.Sample ?? newest?.Message, byLevel, bucketNs, histogram.Histogram.Select(b => b.CountsByLevel.Values.Sum()).ToList()));
        }

        return TypedResults.Ok<IReadOnlyList<PatternView>>(views);
    }

    private static async Task<Results<Ok<IReadOnlyList<PatternView>>, ValidationProblem, ProblemHttpResult>> LogQlPatternsAsync(
        SearchParameters parameters, string logql, PatternMiner miner, LogQlEngine engine, SharedPatternOptions shared, TimeProvider time, CancellationToken ct)
    {
        var range = LogQlSearch.Range(parameters, logql, LogSearchApi.NowNs(time), out var problems);
        if (shared.Enabled) problems["logql"] = ["Pattern counts are combined across replicas (Logs:Patterns:Shared), which count by service and level only: use q-less service= and level= filters instead of logql."];
        if (range is not { } r || problems.Count > 0) return TypedResults.ValidationProblem(problems);
        var buckets = parameters.Buckets is > 0 ? parameters.Buckets.Value : 30;
        return await LogQlSearch.AnswerAsync<IReadOnlyList<PatternView>>(async () =>
        {
            var tally = new RecordPatternTally(r.StartNs, r.EndNs, buckets);
            await engine.VisitEveryLineAsync(logql, r.StartNs, r.EndNs, (record, _, _) => tally.Add(record), ct);
            var known = miner.Patterns.ToDictionary(p => p.Id, StringComparer.Ordinal);
            return tally.Top(Math.Min(parameters.Limit ?? 50, MaxPatterns)).Select(t =>
            {
                known.TryGetValue(miner.Resolve(t.Id), out var pattern);
                return new PatternView(t.Id, pattern?.Template, t.Count, IsoNs(t.FirstSeenNs), IsoNs(t.LastSeenNs), pattern?.Sample ?? t.Sample,
                    t.ByLevel, tally.BucketNs, t.Counts);
            }).ToList();
        });
    }

    private static string? IsoNs(long? ns) => ns is { } n ? UnixTime.FormatRfc3339(n) : null;

    private static async Task<Results<Ok<IReadOnlyList<PatternView>>, ValidationProblem, ProblemHttpResult>> SharedAsync(LogQuery query, int limit, DaprPatternShare share, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = ["Pattern counts are combined across replicas (Logs:Patterns:Shared), which count by service and level only: filter with service= and level= instead of q."],
            });
        }

        var hours = await share.ReadAsync(query.StartNs, query.EndNs, ct);
        var level = query.Level is { } l ? SeverityNames.Of(l) : null;
        var bucketNs = Math.Max(1, (query.EndNs - query.StartNs) / query.HistogramBuckets);
        return TypedResults.Ok<IReadOnlyList<PatternView>>(PatternCombiner.Combine(hours, query.StartNs, query.EndNs, query.Service, level, query.HistogramBuckets, limit)
            .Select(p => new PatternView(p.Id, p.Template, p.Count, Iso(p.FirstSeenMs), Iso(p.LastSeenMs), p.Sample, p.ByLevel, bucketNs, p.Counts))
            .ToList());
    }

    private static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("O");
}

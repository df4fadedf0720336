using AirisEpm.MetricsService.Prometheus;
using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;
using AirisEpm.PromQl.Parser;
using MatchOp = AirisEpm.PromQl.Model.MatchOp;
using Microsoft.Extensions.Options;
using PromLabelSet = AirisEpm.PromQl.Model.LabelSet;

namespace AirisEpm.MetricsService.Query;

/// <summary>
/// Answers <c>/api/v1/metrics/query_range</c> with the PromQL engine: <see cref="RangeQueryTranslator"/>'s expression
/// evaluated at each bucket's last millisecond, points reported at the bucket's start, in this API's response shape.
/// </summary>
public sealed class RangeQueryExecutor(IMetricStore store, PromQueryRunner runner, IOptions<QueryOptions> options)
{
    public async Task<RangeResult> ExecuteAsync(RangeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matchers = new List<Matcher>(query.Matchers);
        if (query.Name is not null)
        {
            matchers.Add(Matcher.Create(PromLabelSet.MetricName, MatchOp.Equal, query.Name));
        }

        var series = await StoreSelectors.FindAsync(store, matchers, cancellationToken);
        if (series.Count > options.Value.MaxSeries)
        {
            throw new QueryLimitException("match[]", $"The selector matches {series.Count} series, more than the limit of {options.Value.MaxSeries}.");
        }

        IEnumerable<string?> names = RangeQueryTranslator.KeepsName(query)
            ? series.Select(s => s.Stored.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            : [null];
        var offset = query.StepMs - 1;
        var lastBucket = query.BucketStart(query.Buckets - 1);
        var result = new List<ResultSeries>();
        foreach (var name in series.Count == 0 ? [] : names)
        {
            var expr = PromQlParser.ParseExpr(RangeQueryTranslator.Translate(query, name));
            var answer = await runner.RangeAsync(expr, query.StartMs + offset, lastBucket + offset, query.StepMs, null, cancellationToken, query.Tier);
            foreach (var s in ((MatrixValue)answer.Value).Series)
            {
                var labels = s.Metric.Labels.Where(l => l.Name != PromLabelSet.MetricName).ToDictionary(l => l.Name, l => l.Value, StringComparer.Ordinal);
                if (name is not null)
                {
                    labels[PromLabelSet.MetricName] = name;
                }

                result.Add(new ResultSeries(labels, [.. s.Points.Select(p => new ResultPoint(p.T - offset, p.V))]));
            }
        }

        return new RangeResult(query.Tier.Label(), query.StartMs, query.EndMs, query.StepMs, result);
    }
}

using AirisEpm.MetricsService.Prometheus;
using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;
using AirisEpm.PromQl.Parser;
using AirisEpm.ServiceDefaults.Security;
using PromLabelSet = AirisEpm.PromQl.Model.LabelSet;

namespace AirisEpm.MetricsService.Apis;

/// <summary>
/// Prometheus's series and label lookups, GET or POST with a form body: <c>/api/v1/series</c>, <c>/api/v1/labels</c>,
/// <c>/api/v1/label/{name}/values</c>, with <c>match[]</c> (OR of selectors), <c>start</c>, <c>end</c> (Prometheus's
/// MinTime/MaxTime when absent) and Prometheus 3's <c>limit</c>. Label lookups without <c>match[]</c> read the store's
/// label index, which covers every stored series whatever <c>start</c> and <c>end</c> say.
/// </summary>
public static class PrometheusSeriesApi
{
    private static readonly Comparer<string> Utf8Order = Comparer<string>.Create(LabelOrder.CompareUtf8);

    public static IEndpointRouteBuilder MapPrometheusSeriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Prometheus series").RequireAuthorization(Permissions.MetricsRead)
            .AddEndpointFilter<PromErrorFilter>();
        api.MapMethods("/series", [HttpMethods.Get, HttpMethods.Post], SeriesAsync).WithName("PromSeries");
        api.MapMethods("/labels", [HttpMethods.Get, HttpMethods.Post], LabelsAsync).WithName("PromLabels");
        api.MapGet("/label/{name}/values", LabelValuesAsync).WithName("PromLabelValues");
        return app;
    }

    public static async Task<PromResult> SeriesAsync(HttpRequest request, IMetricStore store, CancellationToken cancellationToken)
    {
        var form = await PromRequest.ReadAsync(request, cancellationToken);
        if (form.Values("match[]").Count == 0)
        {
            throw PromApiException.BadData("no match[] parameter provided");
        }

        var (start, end) = Range(form);
        var limit = PromParameters.Limit(form);
        var sets = MatcherSets(form);
        var series = await SelectAsync(store, sets, start, end, cancellationToken);
        var sorted = series.Select(s => s.Labels).OrderBy(l => l, LabelOrder.Instance).ToList();
        var (page, warnings) = Truncate(sorted, limit);
        return PromResult.Success(writer =>
        {
            writer.WriteStartArray();
            foreach (var labels in page)
            {
                writer.WriteStartObject();
                foreach (var label in labels.Labels)
                {
                    writer.WriteString(label.Name, label.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }, warnings);
    }

    public static async Task<PromResult> LabelsAsync(HttpRequest request, IMetricStore store, CancellationToken cancellationToken)
    {
        var form = await PromRequest.ReadAsync(request, cancellationToken);
        var (start, end) = Range(form);
        var limit = PromParameters.Limit(form);
        var sets = MatcherSets(form);
        IEnumerable<string> names;
        if (sets.Count == 0)
        {
            var stored = await store.LabelNamesAsync(cancellationToken);
            var hasSeries = (await store.MetricNamesAsync(cancellationToken)).Count > 0;
            names = hasSeries ? stored.Append(PromLabelSet.MetricName) : stored;
        }
        else
        {
            names = (await SelectAsync(store, sets, start, end, cancellationToken)).SelectMany(s => s.Labels.Labels.Select(l => l.Name));
        }

        return Strings(names, limit);
    }

    public static async Task<PromResult> LabelValuesAsync(string name, HttpRequest request, IMetricStore store, CancellationToken cancellationToken)
    {
        if (!LabelNames.IsLegacyLabelName(name))
        {
            throw PromApiException.BadData($"invalid label name: {PromQlString.Quote(name)}");
        }

        var form = await PromRequest.ReadAsync(request, cancellationToken);
        var (start, end) = Range(form);
        var limit = PromParameters.Limit(form);
        var sets = MatcherSets(form);
        IEnumerable<string> values;
        if (sets.Count == 0)
        {
            values = name == PromLabelSet.MetricName
                ? await store.MetricNamesAsync(cancellationToken)
                : await store.LabelValuesAsync(name, cancellationToken);
        }
        else
        {
            values = (await SelectAsync(store, sets, start, end, cancellationToken)).Select(s => s.Labels[name]).OfType<string>();
        }

        return Strings(values, limit);
    }

    private static (long Start, long End) Range(PromRequest form) =>
        (PromParameters.OptionalTime(form, "start", PromParameters.MinTimeMs), PromParameters.OptionalTime(form, "end", PromParameters.MaxTimeMs));

    /// <summary>Prometheus's <c>parseMatchersParam</c>: each <c>match[]</c> a selector, each with a matcher that does not match "".</summary>
    private static List<IReadOnlyList<Matcher>> MatcherSets(PromRequest form)
    {
        var sets = new List<IReadOnlyList<Matcher>>();
        foreach (var text in form.Values("match[]"))
        {
            try
            {
                sets.Add(PromQlParser.ParseMetricSelector(text));
            }
            catch (ParseException e)
            {
                throw PromApiException.InvalidParameter("match[]", e.Message);
            }
        }

        if (sets.Any(set => set.All(m => m.MatchesEmpty)))
        {
            throw PromApiException.InvalidParameter("match[]", "match[] must contain at least one non-empty matcher");
        }

        return sets;
    }

    /// <summary>The series any of the matcher sets selects, each once, that have samples between start and end.</summary>
    private static async Task<IReadOnlyList<(StoredSeries Stored, PromLabelSet Labels)>> SelectAsync(
        IMetricStore store, List<IReadOnlyList<Matcher>> sets, long start, long end, CancellationToken cancellationToken)
    {
        if (start > end)
        {
            return [];
        }

        var union = new Dictionary<long, (StoredSeries, PromLabelSet)>();
        foreach (var set in sets)
        {
            foreach (var found in await StoreSelectors.FindAsync(store, set, cancellationToken))
            {
                union.TryAdd(found.Stored.Id, found);
            }
        }

        return await SeriesActivity.ActiveAsync(store, [.. union.Values], s => s.Item1.Id, start, end, cancellationToken);
    }

    private static PromResult Strings(IEnumerable<string> values, int limit)
    {
        var sorted = values.Distinct(StringComparer.Ordinal).Order(Utf8Order).ToList();
        var (page, warnings) = Truncate(sorted, limit);
        return PromResult.Success(writer =>
        {
            writer.WriteStartArray();
            foreach (var value in page)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }, warnings);
    }

    private static (IReadOnlyList<T> Page, IReadOnlyList<string> Warnings) Truncate<T>(IReadOnlyList<T> items, int limit) =>
        limit > 0 && items.Count > limit ? ([.. items.Take(limit)], [PrometheusQueryApi.TruncatedWarning]) : (items, []);
}

using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using AirisEpm.MetricsService.Prometheus;
using AirisEpm.MetricsService.Prometheus.SideData;
using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;
using AirisEpm.PromQl.Parser;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.MetricsService.Apis;

/// <summary>
/// Prometheus's <c>/api/v1/metadata</c> (from remote_write metadata and OTLP descriptions), <c>/api/v1/query_exemplars</c>
/// (remote_write exemplars) and <c>/api/v1/status/buildinfo</c>.
/// </summary>
public static class PrometheusMetadataApi
{
    /// <summary>
    /// The Prometheus version whose API and PromQL this service answers as: Prometheus 3's language and API, whose
    /// responses are written as 2.42's (the binary this repository checks them against).
    /// </summary>
    public const string CompatibleVersion = "3.0.0";

    public static IEndpointRouteBuilder MapPrometheusMetadataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Prometheus metadata").RequireAuthorization(Permissions.MetricsRead)
            .AddEndpointFilter<PromErrorFilter>();
        api.MapGet("/metadata", MetadataAsync).WithName("PromMetadata");
        api.MapMethods("/query_exemplars", [HttpMethods.Get, HttpMethods.Post], ExemplarsAsync).WithName("PromQueryExemplars");
        api.MapGet("/status/buildinfo", BuildInfo).WithName("PromBuildInfo");
        return app;
    }

    /// <summary>
    /// <c>metric</c> selects one family; <c>limit</c> caps the families (negative: none; 0: an empty answer, as in
    /// Prometheus) and <c>limit_per_metric</c> the entries per family. Families are taken in name order.
    /// </summary>
    public static async Task<PromResult> MetadataAsync(HttpRequest request, IPrometheusSideStore store, CancellationToken cancellationToken)
    {
        var form = await PromRequest.ReadAsync(request, cancellationToken);
        var limit = NumberOrError(form, "limit", -1);
        var perMetric = NumberOrError(form, "limit_per_metric", -1);
        var metric = form.Value("metric");
        var families = (await store.MetadataAsync(cancellationToken))
            .Where(m => metric.Length == 0 || m.Family == metric)
            .GroupBy(m => m.Family, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Take(limit >= 0 ? limit : int.MaxValue)
            .Select(g => (g.Key, Entries: g.Take(perMetric > 0 ? perMetric : int.MaxValue).ToList()))
            .ToList();
        return PromResult.Success(writer =>
        {
            writer.WriteStartObject();
            foreach (var (family, entries) in families)
            {
                writer.WriteStartArray(family);
                foreach (var entry in entries)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", entry.Type);
                    writer.WriteString("help", entry.Help);
                    writer.WriteString("unit", entry.Unit);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        });
    }

    /// <summary>The exemplars of every series any selector of <c>query</c> selects, between <c>start</c> and <c>end</c>.</summary>
    public static async Task<IResult> ExemplarsAsync(HttpRequest request, IMetricStore store, IPrometheusSideStore side, CancellationToken cancellationToken)
    {
        var form = await PromRequest.ReadAsync(request, cancellationToken);
        var start = PromParameters.OptionalTime(form, "start", PromParameters.MinTimeMs);
        var end = PromParameters.OptionalTime(form, "end", PromParameters.MaxTimeMs);
        if (end < start)
        {
            throw PromApiException.BadData("end timestamp must not be before start timestamp");
        }

        var selectors = Selectors(PromQlParser.ParseExpr(form.Value("query")));
        if (selectors.Count == 0)
        {
            // Prometheus answers a query without selectors with no body at all.
            return TypedResults.NoContent();
        }

        var series = new Dictionary<long, LabelSet>();
        foreach (var selector in selectors)
        {
            foreach (var (stored, labels) in await StoreSelectors.FindAsync(store, selector.Matchers, cancellationToken))
            {
                series.TryAdd(stored.Id, labels);
            }
        }

        var exemplars = (await side.ExemplarsAsync(series.Keys, start, end, cancellationToken))
            .GroupBy(e => e.SeriesId)
            .Select(g => (Labels: series[g.Key], Exemplars: g.OrderBy(e => e.TimestampMs).ToList()))
            .OrderBy(s => s.Labels, LabelOrder.Instance)
            .ToList();
        return PromResult.Success(writer =>
        {
            writer.WriteStartArray();
            foreach (var (labels, list) in exemplars)
            {
                writer.WriteStartObject();
                PromJson.WriteMetric(writer, "seriesLabels", labels);
                writer.WriteStartArray("exemplars");
                foreach (var exemplar in list)
                {
                    writer.WriteStartObject();
                    PromJson.WriteMetric(writer, "labels", LabelSet.From(exemplar.Labels));
                    writer.WriteString("value", PromJson.SampleValue(exemplar.Value));
                    writer.WritePropertyName("timestamp");
                    writer.WriteRawValue(PromJson.Timestamp(exemplar.TimestampMs), skipInputValidation: true);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>Prometheus's fields; <c>version</c> is the Prometheus version answered as, <c>revision</c> this build's.</summary>
    public static PromResult BuildInfo()
    {
        var revision = typeof(PrometheusMetadataApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        return PromResult.Success(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("version", CompatibleVersion);
            writer.WriteString("revision", revision);
            writer.WriteString("branch", "");
            writer.WriteString("buildUser", "airis-epm");
            writer.WriteString("buildDate", "");
            writer.WriteString("goVersion", RuntimeInformation.FrameworkDescription);
            writer.WriteEndObject();
        });
    }

    /// <summary>Every vector selector of the expression (Prometheus's <c>parser.ExtractSelectors</c>).</summary>
    private static List<VectorSelector> Selectors(Expr root)
    {
        var found = new List<VectorSelector>();
        var pending = new Stack<Expr>([root]);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is VectorSelector selector)
            {
                found.Add(selector);
            }

            foreach (var child in ExprTree.Children(node))
            {
                pending.Push(child);
            }
        }

        return found;
    }

    private static int NumberOrError(PromRequest form, string name, int absent)
    {
        var text = form.Value(name);
        if (text.Length == 0)
        {
            return absent;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw PromApiException.BadData($"{name} must be a number");
    }
}

using System.Diagnostics.Metrics;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// The embedded store's indexing lag on <c>/metrics</c> (<c>airis_logs_store_unindexed</c>): records acknowledged,
/// so durable in the write-ahead log, and not yet indexed. It stays near zero while indexing keeps up; a rising line
/// is the store falling behind its writers, before the batching writer in front starts answering 429.
/// </summary>
internal static class LogStoreMetrics
{
    public const string MeterName = "AirisEpm.Logs.Store";

    public static void Observe(IMeterFactory meters, LuceneLogStore store) =>
        meters.Create(MeterName).CreateObservableGauge(
            "airis.logs.store.unindexed", () => store.PendingRecords, "{record}", "Records acknowledged (durable in the write-ahead log) and not yet indexed");
}

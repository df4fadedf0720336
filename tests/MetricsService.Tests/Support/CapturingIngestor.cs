using System.Collections.Concurrent;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Ingest;

namespace AirisEpm.MetricsService.Tests.Support;

/// <summary>The ingestor at the edge of protocol tests: records what arrives, or fails as told.</summary>
public sealed class CapturingIngestor : IMetricIngestor
{
    private readonly ConcurrentQueue<MetricSample> _samples = new();

    public Exception? FailWith { get; set; }

    public IReadOnlyList<MetricSample> Samples => [.. _samples];

    public Task IngestAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        if (FailWith is { } error)
        {
            throw error;
        }

        foreach (var sample in samples)
        {
            _samples.Enqueue(sample);
        }

        return Task.CompletedTask;
    }

    /// <summary>Polls until a sample matching <paramref name="predicate"/> arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task<MetricSample> WaitForAsync(Func<MetricSample, bool> predicate, TimeSpan timeout, string what)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        while (true)
        {
            if (_samples.FirstOrDefault(predicate) is { } found)
            {
                return found;
            }

            try
            {
                await Task.Delay(100, cts.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                var names = string.Join(", ", _samples.Select(s => s.Name).Distinct().Take(40));
                throw new TimeoutException($"No {what} within {timeout}; names seen: {names}");
            }
        }
    }
}

using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>What one query's evaluation shares: the store, its budget and bounds, its statistics, its cancellation (request or timeout).</summary>
public sealed class EvaluationContext
{
    public EvaluationContext(ILogStore store, LogQlOptions options, CancellationToken cancellationToken)
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Budget = new QueryBudget(options.MaxRecordsScanned);
        Translator = new StoreQueryTranslator(store);
        Scanner = new RecordScanner(store, Budget);
        CancellationToken = cancellationToken;
    }

    public ILogStore Store { get; }

    public LogQlOptions Options { get; }

    public QueryBudget Budget { get; }

    public StoreQueryTranslator Translator { get; }

    public RecordScanner Scanner { get; }

    public QueryStatistics Statistics { get; } = new();

    public CancellationToken CancellationToken { get; }

    /// <summary>Throws when a metric query holds more series than <see cref="LogQlOptions.MaxSeries"/>.</summary>
    public void CheckSeries(int count)
    {
        if (count > Options.MaxSeries)
        {
            throw new LogQlExecutionException(ExecutionProblem.TooMuchWork,
                $"maximum number of series ({Options.MaxSeries:N0}) reached for a single query; aggregate with sum by (…) or narrow the selector");
        }
    }
}

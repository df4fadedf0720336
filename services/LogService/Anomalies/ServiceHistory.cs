namespace AirisEpm.LogService.Anomalies;

/// <summary>One service's lines and error lines in the open window, and its usual error share over the closed ones.</summary>
internal sealed class ServiceHistory(long firstWindow, int capacity)
{
    private readonly PatternHistory _totals = new(capacity);
    private readonly PatternHistory _errors = new(capacity);

    public long FirstWindow { get; } = firstWindow;

    public long Total { get => _totals.Open; set => _totals.Open = value; }

    public long Errors { get => _errors.Open; set => _errors.Open = value; }

    /// <summary>Error lines per pattern in the open window, to name the error pattern behind a rate spike.</summary>
    public Dictionary<string, long> ErrorCounts { get; } = new(StringComparer.Ordinal);

    public int Windows => _totals.Windows;

    /// <summary>Errors over lines across the remembered windows (0 before any).</summary>
    public double BaselineRate => _totals.Baseline == 0 ? 0 : _errors.Baseline / _totals.Baseline;

    public void Close()
    {
        _totals.Close();
        _errors.Close();
        ErrorCounts.Clear();
    }
}

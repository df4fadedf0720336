namespace AirisEpm.LogService.Anomalies;

/// <summary>
/// One (service, pattern) series: the count of the open window and a ring of the last closed
/// windows' counts, whose mean (zeros included) is the baseline.
/// </summary>
internal sealed class PatternHistory(int capacity)
{
    private readonly long[] _ring = new long[capacity];
    private int _filled;
    private int _next;
    private long _sum;

    public long Open { get; set; }

    public List<string> Samples { get; } = [];

    /// <summary>Closed windows remembered (at most the ring's capacity).</summary>
    public int Windows => _filled;

    public double Baseline => _filled == 0 ? 0 : (double)_sum / _filled;

    public long LastWindowIndex { get; set; } = -1;

    /// <summary>First seen in the open window, after its service's warm-up.</summary>
    public bool IsNew { get; set; }

    public void Close()
    {
        if (_filled == _ring.Length) _sum -= _ring[_next];
        else _filled++;
        _ring[_next] = Open;
        _sum += Open;
        _next = (_next + 1) % _ring.Length;
        Open = 0;
        Samples.Clear();
    }
}

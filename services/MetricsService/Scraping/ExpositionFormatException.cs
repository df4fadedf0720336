namespace AirisEpm.MetricsService.Scraping;

/// <summary>A line the exposition parser cannot read; like Prometheus, the whole scrape then fails.</summary>
public sealed class ExpositionFormatException(int line, string reason) : Exception($"line {line}: {reason}")
{
    public int Line { get; } = line;
}

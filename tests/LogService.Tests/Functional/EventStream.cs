namespace AirisEpm.LogService.Tests.Functional;

/// <summary>Reading a live tail's Server-Sent Events in a test.</summary>
internal static class EventStream
{
    /// <summary>The next <c>data:</c> line (comments and blank lines skipped); null when the stream ends; throws after 15 s.</summary>
    public static async Task<string?> NextDataLineAsync(StreamReader stream, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        string? line;
        while ((line = await stream.ReadLineAsync(timeout.Token)) is not null && !line.StartsWith("data:", StringComparison.Ordinal))
        {
        }

        return line;
    }
}

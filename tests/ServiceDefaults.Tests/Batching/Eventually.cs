namespace AirisEpm.ServiceDefaults.Tests.Batching;

/// <summary>
/// Polls a condition the writer's background loop makes true, optionally moving fake time forward
/// between polls; fails after a real-time timeout instead of sleeping a fixed amount.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, string what, Action? step = null)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {Timeout} waiting for: {what}");
            }

            step?.Invoke();
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    public static Task CompletedAsync(Task task, string what, Action? step = null) =>
        TrueAsync(() => task.IsCompleted, what, step);
}

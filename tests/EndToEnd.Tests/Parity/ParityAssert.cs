namespace AirisEpm.EndToEnd.Tests.Parity;

/// <summary>The comparison both parity scenarios make: per group, the same notifications in the same order, each within the tolerance of Alertmanager's.</summary>
internal static class ParityAssert
{
    public static void SameNotifications(IReadOnlyList<Notified> expected, IReadOnlyList<Notified> actual, TimeSpan tolerance)
    {
        foreach (var group in expected.Select(n => n.Group).Union(actual.Select(n => n.Group)).Order(StringComparer.Ordinal))
        {
            var theirs = expected.Where(n => n.Group == group).ToList();
            var ours = actual.Where(n => n.Group == group).ToList();
            Assert.True(theirs.Select(n => (n.Status, n.Alerts)).SequenceEqual(ours.Select(n => (n.Status, n.Alerts))),
                $"{group}: Alertmanager sent [{string.Join("; ", theirs)}], alert-service [{string.Join("; ", ours)}]");
            foreach (var (a, b) in theirs.Zip(ours))
            {
                Assert.True((a.At - b.At).Duration() <= tolerance, $"{group}: Alertmanager at {a.At.TotalSeconds:0.00}s, alert-service at {b.At.TotalSeconds:0.00}s");
            }
        }
    }
}

namespace AirisEpm.AlertService.Tests.Functional;

internal static class Silences
{
    public static object For(params object[] matchers) => new
    {
        matchers,
        startsAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        endsAt = DateTimeOffset.UtcNow.AddHours(1),
        createdBy = "tester",
        comment = "maintenance",
    };
}

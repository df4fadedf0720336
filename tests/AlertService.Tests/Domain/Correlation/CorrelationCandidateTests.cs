using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Correlation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Tests.Domain.Correlation;

public sealed class CorrelationCandidateTests
{
    [Theory]
    [InlineData("checkout", "shop/orders", "checkout")]
    [InlineData(null, "shop/orders", "orders")]
    [InlineData(null, "orders", "orders")]
    [InlineData(null, null, "")]
    public void The_service_is_the_service_label_else_the_service_name_in_job(string? service, string? job, string expected)
    {
        var pairs = new List<(string, string)> { ("alertname", "HighErrorRate") };
        if (service is not null) pairs.Add(("service", service));
        if (job is not null) pairs.Add(("job", job));
        var now = DateTimeOffset.UnixEpoch;
        var alert = new Alert(LabelSet.From([.. pairs]), LabelSet.Empty, now, now.AddHours(1), now);

        Assert.Equal(expected, new CorrelationCandidate(alert, "g").Service);
    }
}

using AirisEpm.AlertService.Domain.Labels;

namespace AirisEpm.AlertService.Tests.Domain.Labels;

public sealed class AlertmanagerLabelOrderTests
{
    [Fact]
    public void Job_then_instance_then_label_sets_as_Alertmanager_sorts_them()
    {
        LabelSet[] sorted =
        [
            LabelSet.Of(("job", "a"), ("instance", "z")),
            LabelSet.Of(("job", "b"), ("instance", "a")),
            LabelSet.Of(("job", "b"), ("instance", "b"), ("x", "1")),
            LabelSet.Of(("instance", "a"), ("alertname", "Z")),
            LabelSet.Of(("alertname", "B")),
            LabelSet.Of(("alertname", "A"), ("severity", "x")),
            LabelSet.Of(("alertname", "B"), ("zone", "x")), // Go's LabelSet.Before: the side missing a name of the union sorts first
            LabelSet.Of(("alertname", "B"), ("severity", "x")),
        ];

        Assert.Equal(sorted, sorted.Reverse().Order(AlertmanagerLabelOrder.Instance));
    }
}

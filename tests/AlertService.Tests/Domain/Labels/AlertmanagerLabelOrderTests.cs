using AirisEpm.AlertService.Domain.Labels;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Tests.Domain.Labels;

public sealed class AlertmanagerLabelOrderTests
{
    [Fact]
    public void Job_then_instance_then_label_sets_as_Alertmanager_sorts_them()
    {
        LabelSet[] sorted =
        [
            LabelSet.From(("job", "a"), ("instance", "z")),
            LabelSet.From(("job", "b"), ("instance", "a")),
            LabelSet.From(("job", "b"), ("instance", "b"), ("x", "1")),
            LabelSet.From(("instance", "a"), ("alertname", "Z")),
            LabelSet.From(("alertname", "B")),
            LabelSet.From(("alertname", "A"), ("severity", "x")),
            LabelSet.From(("alertname", "B"), ("zone", "x")), // Go's LabelSet.Before: the side missing a name of the union sorts first
            LabelSet.From(("alertname", "B"), ("severity", "x")),
        ];

        Assert.Equal(sorted, sorted.Reverse().Order(AlertmanagerLabelOrder.Instance));
    }

    [Fact]
    public void A_label_set_prints_as_Alertmanager_prints_it_in_group_keys()
    {
        Assert.Equal("{__name__=\"up\", job=\"api\", msg=\"say \\\"hi\\\"\\x01\"}",
            AlertmanagerText.Of(LabelSet.From(("job", "api"), ("msg", "say \"hi\"\u0001"), ("__name__", "up"))));
        Assert.Equal("{}", AlertmanagerText.Of(LabelSet.Empty));
    }
}

using AirisEpm.DaprTestSidecar.Components;

namespace AirisEpm.DaprTestSidecar.Tests.Components;

public sealed class MetadataJsonTests
{
    [Theory]
    [InlineData(5_000, "5s")]
    [InlineData(500, "500ms")]
    [InlineData(90_000, "1m30s")]
    [InlineData(3_600_000, "1h0m0s")]
    [InlineData(1_500, "1.5s")]
    [InlineData(0, "0s")]
    public void Durations_print_as_go_prints_them(int milliseconds, string expected) =>
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("state.redis", "", new[] { "ETAG", "TRANSACTIONAL", "TTL", "ACTOR" })]
    [InlineData("bindings.cron", "", new[] { "INPUT_BINDING" })]
    [InlineData("bindings.http", "", new[] { "OUTPUT_BINDING" })]
    [InlineData("bindings.kafka", "input, output", new[] { "INPUT_BINDING", "OUTPUT_BINDING" })]
    [InlineData("pubsub.redis", "", new string[0])]
    [InlineData("secretstores.local.file", "", new string[0])]
    public void Capabilities_follow_daprds_rules(string type, string direction, string[] expected)
    {
        var metadata = direction.Length > 0 ? new Dictionary<string, string> { ["direction"] = direction } : [];
        var component = new ComponentDefinition("c", type, metadata, new Dictionary<string, SecretKeyRef>(), [], null);
        Assert.Equal(expected, ComponentCapabilities.Of(component));
    }
}

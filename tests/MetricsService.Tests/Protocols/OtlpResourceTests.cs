using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;
using Google.Protobuf.Collections;

namespace AirisEpm.MetricsService.Tests.Protocols;

/// <summary>Resource attributes as OpenTelemetry's Prometheus compatibility specification maps them.</summary>
public sealed class OtlpResourceTests
{
    private static readonly HashSet<string> None = [];

    private static RepeatedField<KeyValue> Attributes(params (string Key, string Value)[] attributes)
    {
        var field = new RepeatedField<KeyValue>();
        field.AddRange(attributes.Select(a => new KeyValue { Key = a.Key, Value = new AnyValue { StringValue = a.Value } }));
        return field;
    }

    [Theory]
    [InlineData("shop", "checkout", "pod-1", "{instance=\"pod-1\", job=\"shop/checkout\"}")]
    [InlineData("", "checkout", "", "{job=\"checkout\"}")]
    [InlineData("shop", "", "pod-1", "{instance=\"pod-1\"}")]
    public void Service_attributes_become_job_and_instance(string ns, string name, string instance, string expected)
    {
        var resource = OtlpResource.From(Attributes(("service.namespace", ns), ("service.name", name), ("service.instance.id", instance)), None);

        Assert.Equal(expected, OtlpAttributes.NonEmpty(resource.Identity).ToString());
        Assert.Null(resource.TargetInfo);
    }

    [Fact]
    public void Every_other_attribute_labels_target_info_only_unless_promoted()
    {
        var resource = OtlpResource.From(
            Attributes(("service.name", "api"), ("telemetry.sdk.version", "1.20.1"), ("deployment.environment", "prod"), ("host.name", "h1")),
            new HashSet<string> { "deployment.environment" });

        Assert.Equal(new Dictionary<string, string> { ["deployment_environment"] = "prod" }, resource.Promoted);
        Assert.Equal(
            "{deployment_environment=\"prod\", host_name=\"h1\", job=\"api\", telemetry_sdk_version=\"1.20.1\"}",
            OtlpAttributes.NonEmpty(resource.TargetInfo!).ToString());
    }

    [Fact]
    public void A_point_overrides_promoted_attributes_and_job_and_instance_override_the_point()
    {
        var resource = OtlpResource.From(Attributes(("service.name", "api"), ("region", "eu")), new HashSet<string> { "region" });

        var labels = OtlpAttributes.Merge(resource, Attributes(("region", "us"), ("job", "mine"), ("path", "/")), new Label("le", "1"));

        Assert.Equal("{job=\"api\", le=\"1\", path=\"/\", region=\"us\"}", labels.ToString());
    }

    [Fact]
    public void Attributes_that_sanitise_alike_share_a_label_joined_with_semicolons_in_key_order()
    {
        var labels = OtlpAttributes.ToLabels(Attributes(("a_b", "2"), ("a.b", "1"), ("c", "")));

        Assert.Equal(new Dictionary<string, string> { ["a_b"] = "1;2", ["c"] = "" }, labels);
        Assert.Equal("{a_b=\"1;2\"}", OtlpAttributes.NonEmpty(labels).ToString());
    }

    [Fact]
    public void The_options_name_each_bad_promoted_attribute()
    {
        var result = new OtlpOptionsValidator().Validate(null, new OtlpOptions
        {
            PromoteResourceAttributes = ["deployment.environment", " ", "service.name", "deployment_environment", "job"],
        });

        Assert.True(result.Failed);
        Assert.Equal(
            ["Metrics:Protocols:Otlp:PromoteResourceAttributes:1", "Metrics:Protocols:Otlp:PromoteResourceAttributes:2",
             "Metrics:Protocols:Otlp:PromoteResourceAttributes:3", "Metrics:Protocols:Otlp:PromoteResourceAttributes:4"],
            result.Failures!.Select(f => f[..f.IndexOf(':', "Metrics:Protocols:Otlp:PromoteResourceAttributes:".Length)]));
        Assert.True(new OtlpOptionsValidator().Validate(null, new OtlpOptions { PromoteResourceAttributes = ["k8s.namespace.name"] }).Succeeded);
    }
}

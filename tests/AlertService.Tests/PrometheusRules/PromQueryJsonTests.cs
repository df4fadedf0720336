using System.Text.Json;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.AlertService.Rules.Prometheus;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

/// <summary>Prometheus's query envelope as the rule query client reads it.</summary>
public sealed class PromQueryJsonTests
{
    [Fact]
    public void A_vector_is_its_samples_with_special_values()
    {
        var answer = Read("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"up","job":"a"},"value":[1700000000.5,"1"]},{"metric":{},"value":[1700000000.5,"NaN"]},{"metric":{"x":"y"},"value":[1,"+Inf"]}]}}""");
        Assert.Null(answer.Error);
        Assert.Equal(3, answer.Samples!.Count);
        Assert.Equal(("up", "a", 1d), (answer.Samples[0].Labels["__name__"], answer.Samples[0].Labels["job"], answer.Samples[0].Value));
        Assert.True(double.IsNaN(answer.Samples[1].Value));
        Assert.Equal(double.PositiveInfinity, answer.Samples[2].Value);
    }

    [Fact]
    public void A_scalar_is_one_sample_without_labels_and_other_types_are_Prometheus_s_error()
    {
        var scalar = Read("""{"status":"success","data":{"resultType":"scalar","result":[1700000000,"0.25"]}}""");
        Assert.Equal((0, 0.25), (scalar.Samples![0].Labels.Count, scalar.Samples[0].Value));
        Assert.Equal("rule result is not a vector or scalar", Read("""{"status":"success","data":{"resultType":"matrix","result":[]}}""").Error);
        Assert.Equal("rule result is not a vector or scalar", Read("""{"status":"success","data":{"resultType":"string","result":[1,"x"]}}""").Error);
    }

    [Fact]
    public void Errors_read_as_Prometheus_wrote_them()
    {
        Assert.Equal("1:5: parse error: unexpected end of input", Read("""{"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected end of input"}""").Error);
        Assert.Equal("query timed out", PromQueryJson.ErrorText("metrics-service answered 503 Service Unavailable: {\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}"));
        Assert.Null(PromQueryJson.ErrorText("metrics-service unreachable: connection refused"));
        Assert.NotNull(Read("""[1,2]""").Error);
        Assert.NotNull(Read("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{}}]}}""").Error);
    }

    private static PromQueryAnswer Read(string json) => PromQueryJson.Read(JsonDocument.Parse(json).RootElement);
}

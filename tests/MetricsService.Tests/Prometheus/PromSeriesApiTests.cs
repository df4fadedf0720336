using System.Net;

namespace AirisEpm.MetricsService.Tests.Prometheus;

/// <summary>/api/v1/series, /api/v1/labels and /api/v1/label/{name}/values as Prometheus answers them.</summary>
public sealed class PromSeriesApiTests(PromApiFixture fixture) : IClassFixture<PromApiFixture>
{
    [Fact]
    public async Task Series_of_several_selectors_once_each_in_label_order()
    {
        var (status, body) = await fixture.GetAsync(
            "/api/v1/series?match[]=" + Uri.EscapeDataString("latency_ms{code=~\"5..\"}") + "&match[]=" + Uri.EscapeDataString("{job=\"web\"}"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            """{"status":"success","data":[{"__name__":"latency_ms","code":"500","job":"api"},{"__name__":"latency_ms","code":"503","job":"web"}]}""",
            body);
    }

    [Fact]
    public async Task Series_are_limited_with_a_warning_and_read_from_a_post_form()
    {
        var (status, body) = await fixture.PostFormAsync("/api/v1/series", ("match[]", "latency_ms"), ("limit", "2"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            """{"status":"success","data":[{"__name__":"latency_ms","code":"200","job":"api"},{"__name__":"latency_ms","code":"500","job":"api"}],"warnings":["results truncated due to limit"]}""",
            body);
    }

    [Fact]
    public async Task Series_outside_start_and_end_are_left_out()
    {
        var inside = await fixture.GetAsync($"/api/v1/series?match[]=latency_ms&start={fixture.At(0)}&end={fixture.At(60)}");
        var later = await fixture.GetAsync($"/api/v1/series?match[]=latency_ms&start={fixture.At(7200)}&end={fixture.At(9000)}");
        var backwards = await fixture.GetAsync($"/api/v1/series?match[]=latency_ms&start={fixture.At(60)}&end={fixture.At(0)}");

        Assert.Equal(3, PromApiFixture.Parse(inside.Body).GetProperty("data").GetArrayLength());
        Assert.Equal("""{"status":"success","data":[]}""", later.Body);
        Assert.Equal("""{"status":"success","data":[]}""", backwards.Body);
    }

    [Theory]
    [InlineData("series", "no match[] parameter provided")]
    [InlineData("series?match[]=%7Bjob%3D~%22.*%22%7D", "invalid parameter \\\"match[]\\\": match[] must contain at least one non-empty matcher")]
    [InlineData("series?match[]=up%7B", "invalid parameter \\\"match[]\\\": 1:4: parse error: unexpected end of input inside braces")]
    [InlineData("series?match[]=sum(up)", "invalid parameter \\\"match[]\\\": 1:4: parse error: unexpected \\\"(\\\"")]
    [InlineData("series?match[]=up&start=abc", "invalid parameter \\\"start\\\": Invalid time value for 'start': cannot parse \\\"abc\\\" to a valid timestamp")]
    [InlineData("labels?match[]=%7Bx%3D%22%22%7D", "invalid parameter \\\"match[]\\\": match[] must contain at least one non-empty matcher")]
    [InlineData("labels?end=x", "invalid parameter \\\"end\\\": Invalid time value for 'end': cannot parse \\\"x\\\" to a valid timestamp")]
    [InlineData("label/1a/values", "invalid label name: \\\"1a\\\"")]
    [InlineData("label/job/values?limit=x", "invalid parameter \\\"limit\\\": strconv.Atoi: parsing \\\"x\\\": invalid syntax")]
    public async Task Bad_lookups_are_400_bad_data(string pathAndQuery, string error)
    {
        var (status, body) = await fixture.GetAsync("/api/v1/" + pathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($$$"""{"status":"error","errorType":"bad_data","error":"{{{error}}}"}""", body);
    }

    [Fact]
    public async Task Label_names_with_and_without_match()
    {
        var all = await fixture.GetAsync("/api/v1/labels");
        var ofLatency = await fixture.GetAsync($"/api/v1/labels?match[]=latency_ms&start={fixture.At(0)}&end={fixture.At(200)}");
        var limited = await fixture.GetAsync("/api/v1/labels?limit=1");

        Assert.Equal("""{"status":"success","data":["__name__","code","job","path"]}""", all.Body);
        Assert.Equal("""{"status":"success","data":["__name__","code","job"]}""", ofLatency.Body);
        Assert.Equal("""{"status":"success","data":["__name__"],"warnings":["results truncated due to limit"]}""", limited.Body);
    }

    [Fact]
    public async Task Label_values_with_and_without_match()
    {
        var names = await fixture.GetAsync("/api/v1/label/__name__/values");
        var codes = await fixture.GetAsync("/api/v1/label/code/values");
        var apiCodes = await fixture.GetAsync("/api/v1/label/code/values?match[]=" + Uri.EscapeDataString("{job=\"api\"}"));
        var none = await fixture.GetAsync("/api/v1/label/nothing/values");

        Assert.Equal("""{"status":"success","data":["latency_ms","odd_labels","requests_total"]}""", names.Body);
        Assert.Equal("""{"status":"success","data":["200","500","503"]}""", codes.Body);
        Assert.Equal("""{"status":"success","data":["200","500"]}""", apiCodes.Body);
        Assert.Equal("""{"status":"success","data":[]}""", none.Body);
    }
}

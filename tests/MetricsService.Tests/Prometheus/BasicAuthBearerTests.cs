using System.Text;
using AirisEpm.MetricsService.Prometheus;
using Microsoft.AspNetCore.Http;

namespace AirisEpm.MetricsService.Tests.Prometheus;

public sealed class BasicAuthBearerTests
{
    [Theory]
    [InlineData("promtool:tok.en:with:colons", "tok.en:with:colons")]
    [InlineData(":token", "token")]
    public void The_basic_password_is_the_token(string credentials, string expected)
    {
        Assert.Equal(expected, BasicAuthBearer.PasswordOf("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("Basic !!!")]
    [InlineData("Basic dXNlcg==")]
    [InlineData("Basic dXNlcjo=")]
    public void Anything_else_is_no_token(string? header)
    {
        Assert.Null(BasicAuthBearer.PasswordOf(header));
    }

    [Theory]
    [InlineData("/api/v1/query", true)]
    [InlineData("/api/v1/label/job/values", true)]
    [InlineData("/api/v1/status/buildinfo", true)]
    [InlineData("/api/v1/write", false)]
    [InlineData("/api/v1/metrics/query_range", false)]
    [InlineData("/api/v1/query/extra", false)]
    public void Only_the_prometheus_api_takes_it(string path, bool expected)
    {
        Assert.Equal(expected, BasicAuthBearer.IsPrometheusApi(new PathString(path)));
    }
}

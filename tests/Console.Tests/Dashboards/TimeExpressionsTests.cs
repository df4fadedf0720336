using AirisEpm.WebConsole.Dashboards;

namespace AirisEpm.Console.Tests.Dashboards;

public sealed class TimeExpressionsTests
{
    [Theory]
    [InlineData("now")]
    [InlineData("now-6h")]
    [InlineData("now-1d/d")]
    [InlineData("now/w")]
    [InlineData("now-7d+2h")]
    [InlineData("2024-03-01T12:00:00.000Z")]
    [InlineData("2024-03-01T12:00:00+02:00")]
    [InlineData("2024-03-01")]
    public void Grafana_time_notations_are_times(string text) => Assert.True(TimeExpressions.IsTime(text));

    [Theory]
    [InlineData("")]
    [InlineData("now-")]
    [InlineData("now-6x")]
    [InlineData("today")]
    [InlineData("6h")]
    [InlineData("2024-13-01T00:00:00Z")]
    public void Other_text_is_not(string text) => Assert.False(TimeExpressions.IsTime(text));

    [Theory]
    [InlineData("5s", true)]
    [InlineData("1m", true)]
    [InlineData("2h", true)]
    [InlineData("1d", true)]
    [InlineData("0s", false)]
    [InlineData("1.5m", false)]
    [InlineData("30", false)]
    [InlineData("", false)]
    public void Refresh_is_a_whole_positive_duration(string text, bool valid) => Assert.Equal(valid, TimeExpressions.IsRefresh(text));
}

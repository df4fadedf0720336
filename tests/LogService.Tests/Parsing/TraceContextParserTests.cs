using AirisEpm.LogService.Parsing;

namespace AirisEpm.LogService.Tests.Parsing;

public sealed class TraceContextParserTests
{
    private const string Trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string Span = "00f067aa0ba902b7";

    [Theory]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")]
    [InlineData("00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-00")]
    [InlineData("  00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01  ")]
    [InlineData("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-adds")]
    public void Valid_traceparent_headers(string header)
    {
        Assert.True(TraceContextParser.TryParseTraceparent(header, out var context));
        Assert.Equal(new TraceContext(Trace, Span), context);
    }

    [Theory]
    [InlineData("00-00000000000000000000000000000000-00f067aa0ba902b7-01")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")]
    [InlineData("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01")]
    [InlineData("00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01")]
    [InlineData("")]
    public void Invalid_traceparent_headers(string header) => Assert.False(TraceContextParser.TryParseTraceparent(header, out _));

    [Theory]
    [InlineData("GET /x traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 took 5ms")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")]
    [InlineData("2024-01-02 - - - [00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01] done")]
    [InlineData("{\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"}")]
    public void Traceparent_found_anywhere_in_text(string text)
    {
        Assert.True(TraceContextParser.TryFindTraceparent(text, out var context));
        Assert.Equal(new TraceContext(Trace, Span), context);
    }

    [Theory]
    [InlineData("x00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01a")]
    [InlineData("no ids here - just - dashes - - -")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0")]
    public void Traceparent_must_stand_alone(string text) => Assert.False(TraceContextParser.TryFindTraceparent(text, out _));

    [Theory]
    [InlineData("trace_id", Trace, "span_id", Span)]
    [InlineData("traceId", "4BF92F3577B34DA6A3CE929D0E0E4736", "spanId", "00F067AA0BA902B7")]
    [InlineData("trace.id", Trace, "span.id", Span)]
    [InlineData("TraceId", Trace, "SpanId", Span)]
    [InlineData("@tr", Trace, "@sp", Span)]
    public void Ids_from_fields_are_taken_and_removed(string traceKey, string traceValue, string spanKey, string spanValue)
    {
        var fields = new Dictionary<string, string> { [traceKey] = traceValue, [spanKey] = spanValue, ["user"] = "ann" };
        Assert.Equal(new TraceContext(Trace, Span), TraceContextParser.FromFields(fields));
        Assert.Equal(["user"], fields.Keys);
    }

    [Fact]
    public void Datadog_decimal_ids_are_converted_and_64_bit_trace_ids_padded()
    {
        var fields = new Dictionary<string, string> { ["dd.trace_id"] = "1234567890123456789", ["dd.span_id"] = "42" };
        Assert.Equal(new TraceContext("0000000000000000112210f47de98115", "000000000000002a"), TraceContextParser.FromFields(fields));
        Assert.Empty(fields);
    }

    [Fact]
    public void Invalid_ids_stay_in_the_fields_and_a_traceparent_field_is_used()
    {
        var fields = new Dictionary<string, string>
        {
            ["trace_id"] = "00000000000000000000000000000000",
            ["span_id"] = "xyz",
            ["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        };
        Assert.Equal(new TraceContext(Trace, Span), TraceContextParser.FromFields(fields));
        Assert.Equal(["span_id", "trace_id"], fields.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e4736", Trace)]
    [InlineData("a3ce929d0e0e4736", "0000000000000000a3ce929d0e0e4736")]
    [InlineData("0000000000000000", null)]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e47", null)]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e4736ab", null)]
    public void Trace_id_lengths(string value, string? expected) => Assert.Equal(expected, TraceContextParser.NormalizeTraceId(value));
}

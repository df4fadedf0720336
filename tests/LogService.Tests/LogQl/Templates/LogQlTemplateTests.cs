using AirisEpm.GoTemplates;
using AirisEpm.LogService.LogQl.Templates;

namespace AirisEpm.LogService.Tests.LogQl.Templates;

/// <summary>line_format and label_format templates: Go's text/template with Loki's and sprig's functions, checked against their Go definitions.</summary>
public sealed class LogQlTemplateTests
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["msg"] = "hello world", ["level"] = "warn", ["n"] = "42", ["size"] = "1.5KiB", ["took"] = "1m30s", ["url"] = "a b&c=d/é",
        ["epoch"] = "1700000000", ["json"] = "{\"a\":{\"b\":[1,2]},\"s\":\"x\"}", ["b64"] = "aGVsbG8",
    };

    private const long Timestamp = 1_767_225_603_250_000_000; // 2026-01-01T00:00:03.25Z

    [Theory]
    [InlineData("{{.msg}}", "hello world")]
    [InlineData("{{ .missing }}", "")]
    [InlineData("{{ __line__ }}", "the line")]
    [InlineData("{{ __timestamp__ | unixEpochMillis }} {{ __timestamp__ | unixEpochNanos }} {{ __timestamp__ | unixEpoch }}", "1767225603250 1767225603250000000 1767225603")]
    [InlineData("{{ __timestamp__ | date \"2006-01-02T15:04:05.000Z07:00 Mon Jan _2 3PM\" }}", "2026-01-01T00:00:03.250Z Thu Jan  1 12AM")]
    [InlineData("{{ .level | ToUpper }} {{ ToLower \"ABC\" }} {{ Replace .msg \"o\" \"0\" 1 }} {{ Replace .msg \"o\" \"0\" -1 }}", "WARN abc hell0 world hell0 w0rld")]
    [InlineData("{{ Trim \"xxhixx\" \"x\" }} {{ TrimLeft \"xxhi\" \"x\" }} {{ TrimPrefix .msg \"hello \" }} {{ TrimSuffix .msg \" world\" }} [{{ TrimSpace \"  a \" }}]", "hi hi world hello [a]")]
    [InlineData("{{ regexReplaceAll \"(\\\\w+) (\\\\w+)\" .msg \"${2}_$1\" }} {{ regexReplaceAllLiteral \"o\" .msg \"$1\" }} {{ count \"o\" .msg }}", "world_hello hell$1 w$1rld 2")]
    [InlineData("{{ .url | urlencode }} {{ \"a+b%20c\" | urldecode }}", "a+b%26c%3Dd%2F%C3%A9 a b c")]
    [InlineData("{{ .size | bytes }} {{ .took | duration }} {{ duration_seconds \"-1.5h\" }}", "1536 90 -5400")]
    [InlineData("{{ .epoch | unixToTime | unixEpochMillis }} {{ unixToTime \"19723\" | date \"2006-01-02\" }}", "1700000000000 2024-01-01")]
    [InlineData("[{{ alignLeft 6 .level }}] [{{ alignRight 6 .level }}] [{{ alignLeft 2 .level }}] [{{ alignRight 2 .level }}]", "[warn  ] [  warn] [wa] [rn]")]
    [InlineData("{{ .b64 | b64dec }} {{ \"hi\" | b64enc }}", "hello aGk=")]
    [InlineData("{{ .msg | upper }} {{ \"Ab\" | lower }} {{ .msg | title }} {{ .msg | trunc 5 }} {{ .msg | trunc -5 }} {{ .msg | substr 2 4 }}", "HELLO WORLD ab Hello World hello world ll")]
    [InlineData("{{ contains \"wor\" .msg }} {{ hasPrefix \"he\" .msg }} {{ hasSuffix \"x\" .msg }} {{ .msg | replace \"l\" \"L\" }} {{ repeat 3 \"ab\" }}", "true true false heLLo worLd ababab")]
    [InlineData("{{ \"a\\nb\" | indent 2 }}|{{ \"a\" | nindent 1 }}|{{ trim \" x \" }}|{{ trimAll \"-\" \"--x--\" }}|{{ trimSuffix \"d\" .msg }}|{{ trimPrefix \"h\" .msg }}", "  a\n  b|\n a|x|x|hello worl|ello world")]
    [InlineData("{{ add 1 2 .n }} {{ sub .n 2 }} {{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 2 }} {{ max 1 .n 3 }} {{ min 5 .n }} {{ int \"0x10\" }} {{ int \"2.0\" }} {{ int \"x\" }}", "45 40 24 3 1 42 5 16 2 0")]
    [InlineData("{{ addf 1.5 2 }} {{ subf 5 1.25 }} {{ mulf 1.5 2 }} {{ divf 1 4 }} {{ maxf 1.5 .n }} {{ minf 1.5 .n }} {{ float64 \"2.5\" }}", "3.5 3.75 3 0.25 42 1.5 2.5")]
    [InlineData("{{ ceil 1.2 }} {{ floor 1.8 }} {{ round 3.14159 2 }} {{ round 2.5 0 }} {{ round 2.4 0 }}", "2 1 3.14 3 2")]
    [InlineData("{{ default \"none\" .missing }} {{ default \"none\" .level }} {{ .missing | default \"d\" }}", "none warn d")]
    [InlineData("{{ (fromJson .json).s }} {{ index (fromJson .json).a \"b\" }}", "x [1 2]")]
    [InlineData("{{ if eq .level \"warn\" }}W{{ else if eq .level \"error\" }}E{{ else }}?{{ end }}{{ if and .msg (not .missing) }}!{{ end }}", "W!")]
    [InlineData("{{ printf \"%05.1f|%-4s|%q|%d\" 3.14159 .level .msg 7 }}", "003.1|warn|\"hello world\"|7")]
    [InlineData("{{ toDate \"2006-01-02 15:04\" \"2024-02-29 13:45\" | date \"Jan 2, 2006 at 3:04pm (MST)\" }}", "Feb 29, 2024 at 1:45pm (UTC)")]
    [InlineData("{{ toDateInZone \"2006-01-02T15:04\" \"UTC\" \"2024-02-29T13:45\" | unixEpoch }}", "1709214300")]
    [InlineData("{{ $x := .level }}{{ $x }}{{ with .msg }}:{{ . }}{{ end }}{{ with .missing }}never{{ end }}", "warn:hello world")]
    public void Templates_render_as_loki_renders_them(string template, string expected)
    {
        Assert.Equal(expected, LogQlTemplate.Parse("line", template).Render(Labels, "the line", Timestamp));
    }

    [Theory]
    [InlineData("{{ ToUpper 1 }}", "error calling ToUpper: wrong type for value; expected string; got int")]
    [InlineData("{{ div 1 0 }}", "error calling div: runtime error: integer divide by zero")]
    [InlineData("{{ .took | bytes }}", "error calling bytes")]
    [InlineData("{{ duration \"1d\" }}", "error calling duration: time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("{{ \"%zz\" | urldecode }}", "error calling urldecode: invalid URL escape \"%zz\"")]
    [InlineData("{{ unixToTime \"123\" }}", "error calling unixToTime: unable to parse time '123'")]
    [InlineData("{{ .msg.x }}", "can't evaluate field x in type string")]
    [InlineData("{{ regexReplaceAll \"(\" .msg \"x\" }}", "error calling regexReplaceAll: error parsing regexp")]
    public void Templates_that_fail_on_a_line_say_why(string template, string reason)
    {
        var error = Assert.Throws<GoTemplateException>(() => LogQlTemplate.Parse("line", template).Render(Labels, "the line", Timestamp));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ nope }}", "template: line:1: function \"nope\" not defined")]
    [InlineData("{{ .a ", "template: line:1:")]
    [InlineData("{{ end }}", "unexpected {{end}}")]
    public void Bad_templates_fail_to_parse_with_gos_message(string template, string message)
    {
        Assert.Contains(message, Assert.Throws<GoTemplateException>(() => LogQlTemplate.Parse("line", template)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_field_reference_is_a_lookup()
    {
        Assert.Equal("msg", LogQlTemplate.Parse("line", "{{ .msg }}").SimpleKey);
        Assert.Null(LogQlTemplate.Parse("line", "{{ .msg }}!").SimpleKey);
    }
}

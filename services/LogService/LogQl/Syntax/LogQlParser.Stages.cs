using System.Text.RegularExpressions;
using AirisEpm.GoTemplates;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.LogService.LogQl.Templates;

namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// Pipeline stages: line filters (<c>|= != |~ !~ |&gt; !&gt;</c>), parsers (<c>json logfmt regexp pattern unpack</c>),
/// <c>line_format</c>, <c>label_format</c>, <c>decolorize</c>, <c>drop</c>, <c>keep</c> and label filters. Each stage's
/// argument is checked here (regex, pattern, template), so a bad one is a parse error naming the stage, with
/// Loki's reason.
/// </summary>
public sealed partial class LogQlParser
{
    private List<PipelineStage> ParsePipeline()
    {
        var stages = new List<PipelineStage>();
        while (true)
        {
            switch (Current.Kind)
            {
                case TokenKind.PipeExact or TokenKind.NotEqual or TokenKind.PipeRegex or TokenKind.RegexNotMatch or TokenKind.PipePattern or TokenKind.NotPattern:
                    stages.Add(ParseLineFilter());
                    break;
                case TokenKind.Pipe when AtUnwrap():
                    return stages;
                case TokenKind.Pipe:
                    Advance();
                    stages.Add(ParsePipeStage());
                    break;
                default:
                    return stages;
            }
        }
    }

    private LineFilterStage ParseLineFilter()
    {
        var op = Advance().Kind switch
        {
            TokenKind.PipeExact => LineFilterOperator.Contains,
            TokenKind.NotEqual => LineFilterOperator.NotContains,
            TokenKind.PipeRegex => LineFilterOperator.Regex,
            TokenKind.RegexNotMatch => LineFilterOperator.NotRegex,
            TokenKind.PipePattern => LineFilterOperator.Pattern,
            _ => LineFilterOperator.NotPattern,
        };
        if (Current.IsWord("ip") && _tokens[_position + 1].Kind == TokenKind.LeftParen)
        {
            throw Unsupported(Current, "ip() filters are not supported");
        }

        var value = Expect(TokenKind.QuotedString, $"a quoted string after {LineFilterStage.Symbol(op)}");
        LineFilterStage stage;
        try
        {
            stage = new LineFilterStage(op, value.Text);
        }
        catch (ArgumentException e)
        {
            throw Fail(value, op is LineFilterOperator.Pattern or LineFilterOperator.NotPattern ? $"invalid pattern filter {LineFilterStage.Symbol(op)}: {e.Message}" : e.Message);
        }

        if (Current.IsWord("or") && _tokens[_position + 1].Kind == TokenKind.QuotedString)
        {
            throw Unsupported(Current, "'or' between line filters is not supported; use a regex filter such as |~ \"a|b\"");
        }

        return stage;
    }

    private PipelineStage ParsePipeStage()
    {
        var word = Current;
        if (word.Kind == TokenKind.Identifier && !IsComparison(_tokens[_position + 1].Kind))
        {
            switch (word.Text)
            {
                case "json":
                    Advance();
                    RefuseParserArguments("json");
                    return new JsonParserStage();
                case "logfmt":
                    Advance();
                    if (Current.Kind == TokenKind.Flag) throw Unsupported(Current, "logfmt flags (--strict, --keep-empty) are not supported");
                    RefuseParserArguments("logfmt");
                    return new LogfmtParserStage();
                case "unpack":
                    Advance();
                    return new UnpackParserStage();
                case "decolorize":
                    Advance();
                    return new DecolorizeStage();
                case "regexp":
                    Advance();
                    return ParseRegexpParser();
                case "pattern":
                    Advance();
                    return ParsePatternParser();
                case "line_format":
                    Advance();
                    return ParseLineFormat();
                case "label_format":
                    Advance();
                    return ParseLabelFormat();
                case "drop" or "keep":
                    Advance();
                    var labels = ParseLabelSelections(word.Text);
                    return word.Text == "drop" ? new DropLabelsStage(labels) : new KeepLabelsStage(labels);
            }
        }

        if (word.Kind is not (TokenKind.Identifier or TokenKind.LeftParen))
        {
            throw Fail(word, $"expected a stage after '|' (json, logfmt, regexp, pattern, unpack, line_format, label_format, decolorize, drop, keep or a label filter such as status >= 500), found {word.Describe()}");
        }

        return new LabelFilterStage(ParseLabelOr());
    }

    private void RefuseParserArguments(string parser)
    {
        if (Current.Kind == TokenKind.Identifier && Current.Text is not ("and" or "or" or "unless" or "bool" or "offset"))
        {
            throw Unsupported(Current, $"{parser} with extraction parameters is not supported; use | {parser} and the labels it extracts");
        }
    }

    private RegexpParserStage ParseRegexpParser()
    {
        var pattern = Expect(TokenKind.QuotedString, "a quoted regular expression after regexp, as in | regexp \"(?P<status>\\\\d{3})\"");
        Regex regex;
        try
        {
            regex = LogQlRegex.Compile(pattern.Text, anchored: false);
        }
        catch (ArgumentException e)
        {
            throw Fail(pattern, $"invalid regexp parser: {e.Message}");
        }

        var names = regex.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToList();
        if (names.Count == 0)
        {
            throw Fail(pattern, "invalid regexp parser: at least one named capture must be supplied");
        }

        if (GroupNames().Matches(pattern.Text).GroupBy(m => m.Groups[1].Value, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw Fail(pattern, $"invalid regexp parser: duplicate extracted label name '{duplicate.Key}'");
        }

        return new RegexpParserStage(pattern.Text, regex, names);
    }

    private PatternParserStage ParsePatternParser()
    {
        var text = Expect(TokenKind.QuotedString, "a quoted pattern after pattern, as in | pattern \"<ip> - <_> <method>\"");
        try
        {
            return new PatternParserStage(text.Text, LinePattern.ForParser(text.Text));
        }
        catch (ArgumentException e)
        {
            throw Fail(text, $"invalid pattern parser: {e.Message}");
        }
    }

    private LineFormatStage ParseLineFormat()
    {
        var template = Expect(TokenKind.QuotedString, "a quoted template after line_format, as in | line_format \"{{.msg}}\"");
        try
        {
            return new LineFormatStage(LogQlTemplate.Parse("line", template.Text));
        }
        catch (GoTemplateException e)
        {
            throw Fail(template, $"invalid line template: {e.Message}");
        }
    }

    /// <summary><c>label_format a=b, c="{{…}}"</c>: renames and templates, each label once, never <c>__error__</c> (Loki's checks and texts).</summary>
    private LabelFormatStage ParseLabelFormat()
    {
        var formats = new List<LabelFormat>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            if (formats.Count > 0) Advance();
            var name = Expect(TokenKind.Identifier, "a label name after label_format, as in | label_format new=old");
            Expect(TokenKind.Equal, $"'=' after '{name.Text}' in label_format");
            var source = Current;
            LabelFormat format;
            if (source.Kind == TokenKind.Identifier)
            {
                Advance();
                format = new LabelFormat(name.Text, source.Text, null);
            }
            else
            {
                Expect(TokenKind.QuotedString, $"a label name or a quoted template after '{name.Text}=' in label_format");
                try
                {
                    format = new LabelFormat(name.Text, source.Text, LogQlTemplate.Parse("label", source.Text));
                }
                catch (GoTemplateException e)
                {
                    throw Fail(source, $"invalid template for label '{name.Text}': {e.Message}");
                }
            }

            if (name.Text == "__error__") throw Fail(name, "__error__ cannot be formatted");
            if (!names.Add(name.Text)) throw Fail(name, $"multiple label name '{name.Text}' not allowed in a single format operation");
            formats.Add(format);
        }
        while (Current.Kind == TokenKind.Comma);

        return new LabelFormatStage(formats);
    }

    /// <summary>The named groups a regex declares, <c>(?P&lt;name&gt;</c> or <c>(?&lt;name&gt;</c>, to find a name given twice.</summary>
    [GeneratedRegex(@"\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>")]
    private static partial Regex GroupNames();
}

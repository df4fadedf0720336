using System.Globalization;
using System.Text;

namespace AirisEpm.AlertService.Domain.Templates;

/// <summary>
/// Parses the Go-template subset rule annotations use: text, <c>{{ pipeline }}</c> actions with
/// <c>{{-</c>/<c>-}}</c> trimming, pipelines <c>a | f | g</c>, function calls <c>f arg</c>, and the
/// operands <c>$labels.x</c>, <c>$value</c>, <c>.Labels.x</c>, <c>.Annotations.x</c>, <c>.Value</c>,
/// quoted strings and numbers. Control structures (if/range/define) are not supported and are
/// reported as unknown functions.
/// </summary>
internal sealed class TemplateParser(string text)
{
    private int _pos;

    public List<TemplateNode> Parse()
    {
        var nodes = new List<TemplateNode>();
        var trimNext = false;
        while (_pos < text.Length)
        {
            var open = text.IndexOf("{{", _pos, StringComparison.Ordinal);
            var literal = text[_pos..(open < 0 ? text.Length : open)];
            if (trimNext) literal = literal.TrimStart();
            trimNext = false;
            if (open < 0)
            {
                nodes.Add(new TextNode(literal));
                break;
            }
            var trimLeft = open + 2 < text.Length && text[open + 2] == '-' && open + 3 < text.Length && char.IsWhiteSpace(text[open + 3]);
            nodes.Add(new TextNode(trimLeft ? literal.TrimEnd() : literal));
            _pos = open + (trimLeft ? 3 : 2);
            var pipeline = ParsePipeline();
            SkipSpace();
            if (Peek("-}}"))
            {
                trimNext = true;
                _pos += 3;
            }
            else if (Peek("}}")) _pos += 2;
            else throw new TemplateException(_pos, _pos >= text.Length ? "unclosed action: missing }}" : $"unexpected \"{text[_pos]}\" in action");
            nodes.Add(new ActionNode(pipeline));
        }
        return nodes;
    }

    private List<CommandNode> ParsePipeline()
    {
        var commands = new List<CommandNode>();
        while (true)
        {
            SkipSpace();
            var start = _pos;
            var operands = new List<(object Token, int At)>();
            while (true)
            {
                SkipSpace();
                if (_pos >= text.Length || Peek("}}") || Peek("-}}") || text[_pos] == '|') break;
                operands.Add((ReadToken(), _pos));
            }
            if (operands.Count == 0) throw new TemplateException(start, commands.Count == 0 ? "empty action" : "missing command in pipeline");
            commands.Add(ToCommand(operands, start, piped: commands.Count > 0));
            if (_pos < text.Length && text[_pos] == '|') _pos++;
            else return commands;
        }
    }

    private static CommandNode ToCommand(List<(object Token, int At)> tokens, int start, bool piped)
    {
        if (tokens[0].Token is FunctionName fn)
        {
            var args = tokens.Skip(1).Select(t => t.Token as Operand ?? throw new TemplateException(start, "a function cannot be an argument")).ToList();
            if (args.Count + (piped ? 1 : 0) != 1)
            {
                throw new TemplateException(start, $"wrong number of arguments for {fn.Name}: want 1, got {args.Count + (piped ? 1 : 0)}");
            }
            return new CommandNode(fn.Name, args, start);
        }
        if (tokens.Count > 1 || piped) throw new TemplateException(start, "can't give an argument to a non-function");
        return new CommandNode(null, [(Operand)tokens[0].Token], start);
    }

    private object ReadToken()
    {
        var start = _pos;
        var c = text[_pos];
        if (c == '"') return new LiteralOperand(ReadString());
        if (char.IsAsciiDigit(c) || (c == '-' && _pos + 1 < text.Length && char.IsAsciiDigit(text[_pos + 1])))
        {
            var word = ReadWord();
            return double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? new LiteralOperand(d) : throw new TemplateException(start, $"bad number syntax: {word}");
        }
        var name = ReadWord();
        if (name.Length == 0) throw new TemplateException(start, $"unexpected \"{c}\" in action");
        var parts = name.Split('.');
        return parts switch
        {
            ["$value"] or ["", "Value"] => new DataOperand(DataSource.Value, null),
            ["$labels", { Length: > 0 } key] => new DataOperand(DataSource.Labels, key),
            ["", "Labels", { Length: > 0 } key] => new DataOperand(DataSource.Labels, key),
            ["$annotations", { Length: > 0 } key] => new DataOperand(DataSource.Annotations, key),
            ["", "Annotations", { Length: > 0 } key] => new DataOperand(DataSource.Annotations, key),
            [var fn] when TemplateFunctions.All.ContainsKey(fn) => new FunctionName(fn),
            [var v, ..] when v.StartsWith('$') => throw new TemplateException(start, $"undefined variable or field \"{name}\": use $labels.<name>, $annotations.<name> or $value"),
            [""] or ["", ..] => throw new TemplateException(start, $"unknown field \"{name}\": use .Labels.<name>, .Annotations.<name> or .Value"),
            _ => throw new TemplateException(start, $"function \"{name}\" not defined"),
        };
    }

    private string ReadWord()
    {
        var start = _pos;
        while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '_' or '.' or '$' or '-' or '+'))
        {
            if (text[_pos] == '-' && _pos > start) break;
            _pos++;
        }
        return text[start.._pos];
    }

    private string ReadString()
    {
        var start = _pos++;
        var sb = new StringBuilder();
        while (_pos < text.Length && text[_pos] != '"')
        {
            if (text[_pos] == '\\' && _pos + 1 < text.Length) _pos++;
            sb.Append(text[_pos++]);
        }
        if (_pos >= text.Length) throw new TemplateException(start, "unterminated quoted string");
        _pos++;
        return sb.ToString();
    }

    private void SkipSpace()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
    }

    private bool Peek(string s) => string.CompareOrdinal(text, _pos, s, 0, s.Length) == 0;

    private sealed record FunctionName(string Name);
}

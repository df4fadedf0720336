using System.Globalization;

namespace AirisEpm.GoTemplates;

/// <summary>
/// Go's <c>text/template/parse</c> parser: the same grammar, checks and error texts
/// (<c>template: NAME:LINE: reason</c>), including the parse-time checks that a function is defined
/// (<c>function "x" not defined</c>) and that a variable is declared in scope (<c>undefined variable "$x"</c>),
/// <c>{{break}}</c>/<c>{{continue}}</c> only inside <c>range</c>, and one definition per template name.
/// <c>{{else with}}</c> is accepted as since Go 1.23.
/// </summary>
internal sealed class GoParser
{
    private readonly string _name;
    private readonly List<GoToken> _tokens;
    private readonly Func<string, bool> _isFunction;
    private readonly Dictionary<string, GoListNode> _templates;
    private List<string> _vars = ["$"];
    private int _index;
    private int _rangeDepth;
    private int _line = 1;

    private GoParser(string name, List<GoToken> tokens, Func<string, bool> isFunction, Dictionary<string, GoListNode> templates)
    {
        _name = name;
        _tokens = tokens;
        _isFunction = isFunction;
        _templates = templates;
    }

    /// <summary>Parses <paramref name="text"/>; the result maps template names (the main one is <paramref name="name"/>) to their trees.</summary>
    public static Dictionary<string, GoListNode> Parse(string name, string text, Func<string, bool> isFunction)
    {
        var templates = new Dictionary<string, GoListNode>(StringComparer.Ordinal);
        var parser = new GoParser(name, GoLexer.Lex(text), isFunction, templates);
        var root = parser.ParseTop();
        parser.Add(name, root);
        return templates;
    }

    private GoListNode ParseTop()
    {
        var root = new GoListNode(Peek().Line, []);
        while (Peek().Kind != GoTokenKind.Eof)
        {
            if (Peek().Kind == GoTokenKind.LeftDelim)
            {
                var at = _index;
                Next();
                if (NextNonSpace().Kind == GoTokenKind.Define)
                {
                    ParseDefinition();
                    continue;
                }

                _index = at;
            }

            var node = TextOrAction();
            if (node is GoEndNode or GoElseNode) Fail($"unexpected {Describe(node)}");
            root.Nodes.Add(node);
        }

        return root;
    }

    private void ParseDefinition()
    {
        const string context = "define clause";
        var token = NextNonSpace();
        if (token.Kind is not (GoTokenKind.String or GoTokenKind.RawString)) Unexpected(token, context);
        var name = Unquote(token);
        Expect(GoTokenKind.RightDelim, context);
        var outer = (_vars, _rangeDepth);
        (_vars, _rangeDepth) = (["$"], 0);
        var (list, end) = ItemList();
        if (end is not GoEndNode) Fail($"unexpected {Describe(end)} in {context}");
        Add(name, list);
        (_vars, _rangeDepth) = outer;
    }

    private void Add(string name, GoListNode list)
    {
        if (!_templates.TryGetValue(name, out var existing) || IsEmpty(existing))
        {
            _templates[name] = list;
            return;
        }

        if (!IsEmpty(list)) Fail($"template: multiple definition of template {GoQuote.Quote(name)}");
    }

    private static bool IsEmpty(GoListNode list) =>
        list.Nodes.All(n => n is GoCommentNode || (n is GoTextNode t && string.IsNullOrWhiteSpace(t.Text)));

    private (GoListNode List, GoNode End) ItemList()
    {
        var list = new GoListNode(PeekNonSpace().Line, []);
        while (PeekNonSpace().Kind != GoTokenKind.Eof)
        {
            var node = TextOrAction();
            if (node is GoEndNode or GoElseNode) return (list, node);
            list.Nodes.Add(node);
        }

        Fail("unexpected EOF");
        throw new InvalidOperationException();
    }

    private GoNode TextOrAction()
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case GoTokenKind.Text:
                return new GoTextNode(token.Line, token.Text);
            case GoTokenKind.LeftDelim:
                return Action();
            case GoTokenKind.Comment:
                return new GoCommentNode(token.Line);
            default:
                Unexpected(token, "input");
                throw new InvalidOperationException();
        }
    }

    private GoNode Action()
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case GoTokenKind.Block: return Block();
            case GoTokenKind.Break: return LoopControl(token, "break");
            case GoTokenKind.Continue: return LoopControl(token, "continue");
            case GoTokenKind.Else: return Else(token);
            case GoTokenKind.End: return new GoEndNode(Expect(GoTokenKind.RightDelim, "end").Line);
            case GoTokenKind.If: return Control(token, "if", (l, p, list, e) => new GoIfNode(l, p, list, e));
            case GoTokenKind.Range: return Control(token, "range", (l, p, list, e) => new GoRangeNode(l, p, list, e));
            case GoTokenKind.Template: return TemplateCall();
            case GoTokenKind.With: return Control(token, "with", (l, p, list, e) => new GoWithNode(l, p, list, e));
        }

        _index--;
        var start = Peek();
        return new GoActionNode(start.Line, Pipeline("command", GoTokenKind.RightDelim));
    }

    private GoNode LoopControl(GoToken token, string word)
    {
        var next = NextNonSpace();
        if (next.Kind != GoTokenKind.RightDelim) Unexpected(next, $"{{{{{word}}}}}");
        if (_rangeDepth == 0) Fail($"{{{{{word}}}}} outside {{{{range}}}}");
        return word == "break" ? new GoBreakNode(token.Line) : new GoContinueNode(token.Line);
    }

    private GoElseNode Else(GoToken token)
    {
        var peek = PeekNonSpace();
        if (peek.Kind == GoTokenKind.If) return new GoElseNode(peek.Line, ElseIf: true, ElseWith: false);
        if (peek.Kind == GoTokenKind.With) return new GoElseNode(peek.Line, ElseIf: false, ElseWith: true);
        return new GoElseNode(Expect(GoTokenKind.RightDelim, "else").Line, false, false);
    }

    private GoNode Control(GoToken token, string context, Func<int, GoPipeNode, GoListNode, GoListNode?, GoNode> make)
    {
        var mark = _vars.Count;
        try
        {
            var pipe = Pipeline(context, GoTokenKind.RightDelim);
            if (context == "range") _rangeDepth++;
            var (list, next) = ItemList();
            if (context == "range") _rangeDepth--;
            GoListNode? elseList = null;
            if (next is GoElseNode chained)
            {
                if ((chained.ElseIf && context == "if") || (chained.ElseWith && context == "with"))
                {
                    // {{if a}}x{{else if b}}y{{end}} is {{if a}}x{{else}}{{if b}}y{{end}}{{end}}: one {{end}} for the chain.
                    var keyword = NextNonSpace();
                    elseList = new GoListNode(chained.Line, [Control(keyword, context, make)]);
                }
                else
                {
                    if (chained.ElseIf || chained.ElseWith) Unexpected(NextNonSpace(), "input");
                    (elseList, var end) = ItemList();
                    if (end is not GoEndNode) Fail($"expected end; found {Describe(end)}");
                }
            }

            return make(token.Line, pipe, list, elseList);
        }
        finally
        {
            _vars.RemoveRange(mark, _vars.Count - mark);
        }
    }

    private GoNode Block()
    {
        const string context = "block clause";
        var token = NextNonSpace();
        var name = TemplateName(token, context);
        var pipe = Pipeline(context, GoTokenKind.RightDelim);
        var outer = (_vars, _rangeDepth);
        (_vars, _rangeDepth) = (["$"], 0);
        var (list, end) = ItemList();
        if (end is not GoEndNode) Fail($"unexpected {Describe(end)} in {context}");
        Add(name, list);
        (_vars, _rangeDepth) = outer;
        return new GoTemplateNode(token.Line, name, pipe);
    }

    private GoNode TemplateCall()
    {
        const string context = "template clause";
        var token = NextNonSpace();
        var name = TemplateName(token, context);
        GoPipeNode? pipe = null;
        if (NextNonSpace().Kind != GoTokenKind.RightDelim)
        {
            _index--;
            pipe = Pipeline(context, GoTokenKind.RightDelim);
        }

        return new GoTemplateNode(token.Line, name, pipe);
    }

    private string TemplateName(GoToken token, string context)
    {
        if (token.Kind is not (GoTokenKind.String or GoTokenKind.RawString)) Unexpected(token, context);
        return Unquote(token);
    }

    private GoPipeNode Pipeline(string context, GoTokenKind end)
    {
        var start = PeekNonSpace();
        var declarations = new List<string>();
        var isAssign = false;
        while (PeekNonSpace().Kind == GoTokenKind.Variable)
        {
            var at = _index;
            var variable = Next();
            var next = PeekNonSpace();
            if (next.Kind is GoTokenKind.Assign or GoTokenKind.Declare)
            {
                isAssign = next.Kind == GoTokenKind.Assign;
                NextNonSpace();
                declarations.Add(variable.Text);
                _vars.Add(variable.Text);
            }
            else if (next.Kind == GoTokenKind.Char && next.Text == ",")
            {
                NextNonSpace();
                declarations.Add(variable.Text);
                _vars.Add(variable.Text);
                if (context == "range" && declarations.Count < 2)
                {
                    if (PeekNonSpace().Kind is GoTokenKind.Variable or GoTokenKind.RightDelim or GoTokenKind.RightParen) continue;
                    Fail("range can only initialize variables");
                }

                Fail($"too many declarations in {context}");
            }
            else
            {
                // "$x foo": $x is an operand, not a declaration.
                _index = at;
            }

            break;
        }

        var commands = new List<GoCommandNode>();
        while (true)
        {
            var token = NextNonSpace();
            if (token.Kind == end)
            {
                if (commands.Count == 0) Fail($"missing value for {context}");
                for (var i = 1; i < commands.Count; i++)
                {
                    if (commands[i].Args[0] is GoBoolNode or GoDotNode or GoNilNode or GoNumberNode or GoStringNode)
                    {
                        Fail($"non executable command in pipeline stage {i + 1}");
                    }
                }

                return new GoPipeNode(start.Line, declarations, isAssign, commands);
            }

            switch (token.Kind)
            {
                case GoTokenKind.Bool or GoTokenKind.CharConstant or GoTokenKind.Dot or GoTokenKind.Field or GoTokenKind.Identifier
                    or GoTokenKind.Number or GoTokenKind.Nil or GoTokenKind.RawString or GoTokenKind.String or GoTokenKind.Variable or GoTokenKind.LeftParen:
                    _index--;
                    commands.Add(Command());
                    break;
                default:
                    Unexpected(token, context);
                    break;
            }
        }
    }

    private GoCommandNode Command()
    {
        var command = new GoCommandNode(PeekNonSpace().Line, []);
        while (true)
        {
            PeekNonSpace();
            if (Operand() is { } operand) command.Args.Add(operand);
            var token = Next();
            if (token.Kind == GoTokenKind.Space) continue;
            if (token.Kind is GoTokenKind.RightDelim or GoTokenKind.RightParen) _index--;
            else if (token.Kind != GoTokenKind.Pipe) Unexpected(token, "operand");
            break;
        }

        if (command.Args.Count == 0) Fail("empty command");
        return command;
    }

    private GoNode? Operand()
    {
        var node = Term();
        if (node is null || Peek().Kind != GoTokenKind.Field) return node;
        var fields = new List<string>();
        while (Peek().Kind == GoTokenKind.Field) fields.AddRange(Next().Text[1..].Split('.'));
        return node switch
        {
            GoFieldNode f => new GoFieldNode(f.Line, [.. f.Fields, .. fields]),
            GoVariableNode v => new GoVariableNode(v.Line, v.Name, [.. v.Fields, .. fields]),
            GoBoolNode or GoStringNode or GoNumberNode or GoNilNode or GoDotNode => throw Error($"unexpected . after term {GoQuote.Quote(Print(node))}"),
            _ => new GoChainNode(node.Line, node, fields),
        };
    }

    private GoNode? Term()
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case GoTokenKind.Identifier:
                if (!_isFunction(token.Text)) Fail($"function {GoQuote.Quote(token.Text)} not defined");
                return new GoIdentifierNode(token.Line, token.Text);
            case GoTokenKind.Dot:
                return new GoDotNode(token.Line);
            case GoTokenKind.Nil:
                return new GoNilNode(token.Line);
            case GoTokenKind.Variable:
                var parts = token.Text.Split('.');
                if (!_vars.Contains(parts[0])) Fail($"undefined variable {GoQuote.Quote(parts[0])}");
                return new GoVariableNode(token.Line, parts[0], parts[1..]);
            case GoTokenKind.Field:
                return new GoFieldNode(token.Line, token.Text[1..].Split('.'));
            case GoTokenKind.Bool:
                return new GoBoolNode(token.Line, token.Text == "true");
            case GoTokenKind.CharConstant:
                if (!GoQuote.TryUnquoteChar(token.Text, out var codePoint)) Fail($"malformed character constant: {token.Text}");
                return new GoNumberNode(token.Line, token.Text, codePoint, codePoint, false);
            case GoTokenKind.Number:
                return Number(token);
            case GoTokenKind.LeftParen:
                return Pipeline("parenthesized pipeline", GoTokenKind.RightParen);
            case GoTokenKind.String or GoTokenKind.RawString:
                return new GoStringNode(token.Line, Unquote(token));
        }

        _index--;
        return null;
    }

    private GoNumberNode Number(GoToken token)
    {
        var text = token.Text;
        if (text.EndsWith('i'))
        {
            // Imaginary and complex constants parse; no template function here takes one.
            return new GoNumberNode(token.Line, text, null, double.NaN, true);
        }

        var isInt = GoNumbers.TryParseInt(text, out var integer);
        var isFloat = GoNumbers.TryParseFloat(text, out var floating);
        if (!isInt && !isFloat) Fail($"illegal number syntax: {GoQuote.Quote(text)}");
        return new GoNumberNode(token.Line, text, isInt ? integer : null, isInt && !isFloat ? integer : floating, false);
    }

    private string Unquote(GoToken token)
    {
        if (!GoQuote.TryUnquote(token.Text, out var value)) Fail("invalid syntax");
        return value;
    }

    private GoToken Expect(GoTokenKind kind, string context)
    {
        var token = NextNonSpace();
        if (token.Kind != kind) Unexpected(token, context);
        return token;
    }

    private void Unexpected(GoToken token, string context)
    {
        if (token.Kind == GoTokenKind.Error) Fail(token.Text);
        Fail($"unexpected {token} in {context}");
    }

    private GoToken Next()
    {
        var token = _tokens[Math.Min(_index, _tokens.Count - 1)];
        if (_index < _tokens.Count) _index++;
        _line = token.Line;
        return token;
    }

    private GoToken Peek() => _tokens[Math.Min(_index, _tokens.Count - 1)];

    private GoToken NextNonSpace()
    {
        GoToken token;
        do token = Next();
        while (token.Kind == GoTokenKind.Space);
        return token;
    }

    private GoToken PeekNonSpace()
    {
        var token = NextNonSpace();
        _index--;
        return token;
    }

    private void Fail(string message) => throw Error(message);

    private GoTemplateException Error(string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"template: {_name}:{_line}: {message}"));

    private static string Describe(GoNode node) => node switch
    {
        GoEndNode => "{{end}}",
        GoElseNode => "{{else}}",
        _ => node.GetType().Name,
    };

    private static string Print(GoNode node) => node switch
    {
        GoBoolNode b => b.Value ? "true" : "false",
        GoStringNode s => GoQuote.Quote(s.Value),
        GoNumberNode n => n.Text,
        GoNilNode => "nil",
        GoDotNode => ".",
        _ => "",
    };
}

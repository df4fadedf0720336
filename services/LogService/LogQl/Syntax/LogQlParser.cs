using System.Globalization;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.PromQl.Model;
using VectorMatchCardinality = AirisEpm.PromQl.Ast.VectorMatchCardinality;
using VectorMatching = AirisEpm.PromQl.Ast.VectorMatching;

namespace AirisEpm.LogService.LogQl.Syntax;

/// <summary>
/// A recursive-descent parser for the LogQL subset this service runs (the grammar is in <c>LogQl/README.md</c>).
/// Binary operators are parsed by precedence climbing with PromQL's precedences;
/// words are keywords only where they stand (so a label may be called <c>json</c>). Loki constructs
/// outside the subset are recognised and refused by name (<c>ip() filters are not supported</c>), so a user
/// learns what to change. Nesting is bounded (<see cref="MaxDepth"/>), so no input can exhaust the stack,
/// and each token is looked at a bounded number of times, so parsing is linear. Any problem is a
/// <see cref="LogQlParseException"/>; nothing else is thrown.
/// </summary>
public sealed partial class LogQlParser
{
    /// <summary>Parentheses, aggregations and right-associative operators nested deeper than this are refused.</summary>
    public const int MaxDepth = 64;

    /// <summary>The longest query text accepted (Grafana's longest generated queries are a few kilobytes).</summary>
    public const int MaxQueryLength = 64 * 1024;

    private readonly string _query;
    private readonly IReadOnlyList<Token> _tokens;
    private int _position;
    private int _depth;

    private LogQlParser(string query)
    {
        _query = query;
        _tokens = LogQlLexer.Tokenize(query);
    }

    private Token Current => _tokens[_position];

    /// <summary>Parses a whole query: a log query or a metric query.</summary>
    public static LogQlExpr Parse(string query)
    {
        var parser = Create(query);
        var expr = parser.ParseExpression(0);
        parser.ExpectEnd();
        return expr;
    }

    /// <summary>
    /// Parses a stream selector alone, as the label, series and stats endpoints take it (<c>match[]</c>,
    /// <c>query</c>); <paramref name="allowEmpty"/> accepts <c>{}</c> (every stream).
    /// </summary>
    public static IReadOnlyList<Matcher> ParseSelector(string query, bool allowEmpty)
    {
        var parser = Create(query);
        var start = parser.Current;
        var matchers = parser.ParseMatchers();
        if (parser.Current.Kind is not TokenKind.End)
        {
            throw parser.Fail(parser.Current, "only label matchers are supported here, as in {service=\"api\"}");
        }

        if (!(allowEmpty && matchers.Count == 0))
        {
            parser.CheckSelectable(matchers, start);
        }

        return matchers;
    }

    private static LogQlParser Create(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > MaxQueryLength)
        {
            throw new LogQlParseException($"the query is longer than {MaxQueryLength} characters", 1, 1);
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            throw new LogQlParseException("the query is empty", 1, 1);
        }

        return new LogQlParser(query);
    }

    private LogQlExpr ParseExpression(int minPrecedence)
    {
        Enter(Current);
        var left = ParseUnary();
        while (true)
        {
            if (BinaryOperatorAt(Current) is not { } op || op.Precedence() < minPrecedence)
            {
                break;
            }

            var at = Advance();
            var returnBool = false;
            if (Current.IsWord("bool"))
            {
                if (!op.IsComparison()) throw Fail(Current, "the bool modifier can only be used on comparison operators");
                Advance();
                returnBool = true;
            }

            var matching = ParseVectorMatching(op);
            var right = ParseExpression(op.IsRightAssociative() ? op.Precedence() : op.Precedence() + 1);
            var leftSample = AsSample(left, at);
            var rightSample = AsSample(right, at);
            if (op.IsSetOperator())
            {
                if (IsScalar(leftSample)) throw Fail(at, $"unexpected literal for left leg of logical/set binary operation ({op.Symbol()}): {ScalarValue(leftSample).ToString("F6", CultureInfo.InvariantCulture)}");
                if (IsScalar(rightSample)) throw Fail(at, $"unexpected literal for right leg of logical/set binary operation ({op.Symbol()}): {ScalarValue(rightSample).ToString("F6", CultureInfo.InvariantCulture)}");
            }

            left = new BinaryExpr(op, leftSample, rightSample, returnBool, matching);
        }

        _depth--;
        return left;
    }

    /// <summary>
    /// <c>on (…)</c> or <c>ignoring (…)</c>, optionally then <c>group_left</c>/<c>group_right</c> with the labels to
    /// copy from the "one" side; as in Loki's grammar, grouping only after on/ignoring, and (as PromQL) never for
    /// <c>and</c>, <c>or</c>, <c>unless</c>, which match many to many.
    /// </summary>
    private VectorMatching? ParseVectorMatching(BinaryOperator op)
    {
        if (Current.IsWord("group_left") || Current.IsWord("group_right"))
        {
            throw Fail(Current, $"{Current.Text} must follow on (…) or ignoring (…), as in a / on (pod) {Current.Text} (node) b");
        }

        if (!Current.IsWord("on") && !Current.IsWord("ignoring"))
        {
            return null;
        }

        var on = Advance().Text == "on";
        var labels = ParseLabelList(on ? "on" : "ignoring");
        var card = op.IsSetOperator() ? VectorMatchCardinality.ManyToMany : VectorMatchCardinality.OneToOne;
        IReadOnlyList<string> include = [];
        if (Current.IsWord("group_left") || Current.IsWord("group_right"))
        {
            if (op.IsSetOperator()) throw Fail(Current, $"no grouping allowed for \"{op.Symbol()}\" operation");
            card = Advance().Text == "group_left" ? VectorMatchCardinality.ManyToOne : VectorMatchCardinality.OneToMany;
            if (Current.Kind == TokenKind.LeftParen) include = ParseLabelList(card == VectorMatchCardinality.ManyToOne ? "group_left" : "group_right");
        }

        return new VectorMatching(card, labels, on, include);
    }

    /// <summary><c>( [name { , name } ] )</c> after <paramref name="after"/>.</summary>
    private List<string> ParseLabelList(string after)
    {
        Expect(TokenKind.LeftParen, $"'(' after {after}");
        var labels = new List<string>();
        while (Current.Kind != TokenKind.RightParen)
        {
            labels.Add(Expect(TokenKind.Identifier, "a label name").Text);
            if (Current.Kind != TokenKind.Comma) break;
            Advance();
        }

        Expect(TokenKind.RightParen, "')' to close the label list");
        return labels;
    }

    private LogQlExpr ParseUnary()
    {
        if (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var sign = Advance();
            if (Current.Kind != TokenKind.Number) throw Fail(sign, $"'{sign.Text}' must be followed by a number");
            var value = Number(Advance());
            return new NumberLiteral(sign.Kind == TokenKind.Minus ? -value : value);
        }

        return ParsePrimary();
    }

    private LogQlExpr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberLiteral(Number(token));
            case TokenKind.LeftBrace:
                return NoRangeHere(ParseLogExpression());
            case TokenKind.LeftParen when _tokens[_position + 1].Kind == TokenKind.LeftBrace:
                Advance();
                var log = ParseLogExpression();
                Expect(TokenKind.RightParen, "')'");
                return NoRangeHere(log);
            case TokenKind.LeftParen:
                Advance();
                var inner = ParseExpression(0);
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.Identifier:
                return ParseFunction(token);
            default:
                throw Fail(token, $"expected a log selector such as {{service=\"api\"}}, a number or an aggregation, found {token.Describe()}");
        }
    }

    private SampleExpr AsSample(LogQlExpr expr, Token at) => expr as SampleExpr
        ?? throw Fail(at, "a log query cannot be used here; count its lines with a range aggregation such as count_over_time({…}[5m])");

    /// <summary>The value of a number-only expression, as Loki reduces <c>(1 + 1)</c> while parsing.</summary>
    private static double ScalarValue(SampleExpr expr) => expr switch
    {
        NumberLiteral n => n.Value,
        BinaryExpr b => b.Operator.Apply(ScalarValue(b.Left), ScalarValue(b.Right)),
        _ => double.NaN,
    };

    private static bool IsScalar(SampleExpr expr) => expr switch
    {
        NumberLiteral => true,
        BinaryExpr b => IsScalar(b.Left) && IsScalar(b.Right),
        _ => false,
    };

    private LogSelectorExpr NoRangeHere(LogSelectorExpr log)
    {
        if (Current.Kind == TokenKind.LeftBracket)
        {
            throw Fail(Current, "a range such as [5m] belongs inside a range aggregation, as in count_over_time({…}[5m])");
        }

        return AtUnwrap()
            ? throw Fail(Current, "unwrap belongs inside a range aggregation, as in sum_over_time({…} | logfmt | unwrap latency [5m])")
            : log;
    }

    private static BinaryOperator? BinaryOperatorAt(Token token) => token.Kind switch
    {
        TokenKind.Plus => BinaryOperator.Add,
        TokenKind.Minus => BinaryOperator.Subtract,
        TokenKind.Multiply => BinaryOperator.Multiply,
        TokenKind.Divide => BinaryOperator.Divide,
        TokenKind.Modulo => BinaryOperator.Modulo,
        TokenKind.Power => BinaryOperator.Power,
        TokenKind.DoubleEqual => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
        TokenKind.Identifier when token.Text == "and" => BinaryOperator.And,
        TokenKind.Identifier when token.Text == "or" => BinaryOperator.Or,
        TokenKind.Identifier when token.Text == "unless" => BinaryOperator.Unless,
        _ => null,
    };

    private double Number(Token token) =>
        double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Fail(token, $"'{token.Text}' is not a number");

    private void Enter(Token at)
    {
        if (++_depth > MaxDepth)
        {
            throw Fail(at, $"the query nests deeper than {MaxDepth} levels");
        }
    }

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.End) _position++;
        return token;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Fail(Current, $"expected {what}, found {Current.Describe()}");
        }

        return Advance();
    }

    private void ExpectEnd()
    {
        if (Current.Kind != TokenKind.End)
        {
            throw Fail(Current, $"unexpected {Current.Describe()}");
        }
    }

    private LogQlParseException Fail(Token at, string problem) => LogQlParseException.At(_query, at.Offset, problem);

    private LogQlParseException Unsupported(Token at, string problem) => LogQlParseException.At(_query, at.Offset, problem, unsupported: true);
}

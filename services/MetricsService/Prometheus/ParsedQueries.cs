using System.Collections.Concurrent;
using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Parser;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// The syntax trees of queries asked before: dashboards, rules and stat panels ask the same few hundred texts again
/// and again, and a tree is immutable, so each text is parsed once. Holds at most <see cref="MaxEntries"/> texts of
/// at most <see cref="MaxLength"/> characters (a client sending ever new queries empties it once full, so it stays
/// bounded); a text that does not parse is not kept and throws its <see cref="ParseException"/> every time. Thread-safe.
/// </summary>
public sealed class ParsedQueries
{
    public const int MaxEntries = 4_096;

    public const int MaxLength = 4_096;

    private readonly ConcurrentDictionary<string, Expr> _trees = new(StringComparer.Ordinal);

    public int Count => _trees.Count;

    public Expr Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_trees.TryGetValue(query, out var known))
        {
            return known;
        }

        var expr = PromQlParser.ParseExpr(query);
        if (query.Length <= MaxLength)
        {
            if (_trees.Count >= MaxEntries)
            {
                _trees.Clear();
            }

            _trees.TryAdd(query, expr);
        }

        return expr;
    }
}

using AirisEpm.LogService.Domain;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using F = AirisEpm.LogService.Storage.LogFieldNames;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>Turns a <see cref="LogQuery"/> into the Lucene query that selects its records.</summary>
internal static class LuceneQueries
{
    /// <summary>The records <paramref name="query"/> selects; throws <see cref="LogQueryException"/> naming what is wrong with it.</summary>
    public static LogSelection Build(LogQuery query)
    {
        LogQueryLimits.Check(query);
        var text = ParseText(query.Text);
        var filters = new BooleanQuery();
        if (text is not null)
        {
            filters.Add(text, Occur.MUST);
        }

        AddTerm(filters, F.Service, query.Service);
        AddTerm(filters, F.Level, query.Level is { } level ? SeverityNames.Of(level) : null);
        AddTerm(filters, F.TraceId, query.TraceId);
        AddTerm(filters, F.PatternId, query.PatternId);
        return new LogSelection(text, filters.Clauses.Count == 0 ? null : filters, query.StartNs, query.EndNs);
    }

    /// <summary>Parses query text; throws <see cref="LogQueryException"/> naming what is wrong.</summary>
    public static Query? ParseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "*")
        {
            return null;
        }

        Query parsed;
        try
        {
            parsed = new LogQueryParser().Parse(text);
        }
        catch (ParseException e)
        {
            throw new LogQueryException($"The query cannot be parsed: {Problem(e.Message, text)}");
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw new LogQueryException($"The query has more than {BooleanQuery.MaxClauseCount} clauses in one group.");
        }

        var clauses = CountLeaves(parsed);
        if (clauses > LogQueryLimits.MaxClauses)
        {
            throw new LogQueryException($"The query has {clauses} terms; at most {LogQueryLimits.MaxClauses} are allowed.");
        }

        return parsed;
    }

    public static Query Term(string field, string value) => new TermQuery(new Term(field, value));

    private static void AddTerm(BooleanQuery query, string field, string? value)
    {
        if (value is not null)
        {
            query.Add(Term(field, value), Occur.MUST);
        }
    }

    private static int CountLeaves(Query query) => query switch
    {
        BooleanQuery b => b.Clauses.Sum(c => CountLeaves(c.Query)),
        PhraseQuery p => p.GetTerms().Length,
        MultiPhraseQuery m => m.GetTermArrays().Sum(t => t.Length),
        _ => 1,
    };

    /// <summary>The parser's message without its echo of the whole query (which may be long), first line only.</summary>
    private static string Problem(string message, string text)
    {
        var echo = $"Cannot parse '{text}': ";
        var line = (message.StartsWith(echo, StringComparison.Ordinal) ? message[echo.Length..] : message).Split('\n')[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}

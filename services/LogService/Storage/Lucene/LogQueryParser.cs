using System.Globalization;
using AirisEpm.LogService.Domain;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using F = AirisEpm.LogService.Storage.LogFieldNames;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// The classic Lucene query syntax over log fields. Terms without a field search <c>message</c>; terms
/// are joined by AND unless OR is written (what people expect when they paste two words from a log line);
/// a term that the analyzer splits (<c>10.0.0.1</c>, <c>req-42</c>) becomes a phrase. Field names go
/// through <see cref="LogFieldNames.Resolve"/>; <c>level</c> takes level names in any case (and
/// ranges in severity order: <c>level:[warn TO *]</c>); <c>timestamp</c> takes Unix nanoseconds or
/// ISO-8601 times (<c>timestamp:["2026-01-01T10:00:00Z" TO *]</c>); <c>id</c> and <c>message.keyword</c> take one
/// whole value (<see cref="RecordIdQuery"/>, <see cref="ExactMessageQuery"/>). Leading wildcards and regular
/// expressions are refused, and terms may hold at most <see cref="LogQueryLimits.MaxWildcards"/> wildcards:
/// each of those can make a query enumerate or build far more than its text suggests.
/// Not thread-safe: make one per query.
/// </summary>
internal sealed class LogQueryParser : QueryParser
{
    public LogQueryParser()
        : base(LogAnalyzers.Version, F.Message, LogAnalyzers.PerField)
    {
        AllowLeadingWildcard = false;
        AutoGeneratePhraseQueries = true;
        LowercaseExpandedTerms = false; // lower-cased here for text fields only: keywords are case-sensitive
        DefaultOperator = Operator.AND;
        MultiTermRewriteMethod = MultiTermQuery.CONSTANT_SCORE_FILTER_REWRITE; // expansions never count as clauses
    }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        var name = Map(field);
        return name switch
        {
            F.Level => new TermQuery(new Term(F.Level, SeverityNames.Of(Level(queryText)))),
            F.Timestamp => new TimeRangeQuery(Time(queryText), Time(queryText), true, true),
            F.Id => new RecordIdQuery(queryText),
            F.MessageKeyword => new ExactMessageQuery(queryText, base.GetFieldQuery(F.Message, queryText, quoted: true)),
            _ => base.GetFieldQuery(name, queryText, quoted),
        };
    }

    /// <summary>A group of only negated clauses (<c>NOT level:debug</c>) means "everything but", as in Elasticsearch.</summary>
    protected override Query GetBooleanQuery(IList<BooleanClause> clauses, bool disableCoord)
    {
        var query = base.GetBooleanQuery(clauses, disableCoord);
        if (query is BooleanQuery group && group.Clauses.Count > 0 && group.Clauses.All(c => c.Occur == Occur.MUST_NOT))
        {
            group.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return query;
    }

    protected override Query GetFieldQuery(string field, string queryText, int slop) =>
        Map(field) is F.Id or F.MessageKeyword ? GetFieldQuery(field, queryText, quoted: true) : base.GetFieldQuery(Map(field), queryText, slop);

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        var name = Map(field);
        if (name == F.Timestamp)
        {
            return new TimeRangeQuery(part1 is null ? null : Time(part1), part2 is null ? null : Time(part2), startInclusive, endInclusive);
        }

        if (name == F.Level)
        {
            var from = part1 is null ? Severity.Unknown : Level(part1);
            var to = part2 is null ? Severity.Fatal : Level(part2);
            var levels = new BooleanQuery();
            foreach (var level in Enum.GetValues<Severity>().Where(l => (startInclusive ? l >= from : l > from) && (endInclusive ? l <= to : l < to)))
            {
                levels.Add(new TermQuery(new Term(F.Level, SeverityNames.Of(level))), Occur.SHOULD);
            }

            return levels.Clauses.Count == 0 ? new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST_NOT } } : levels;
        }

        return base.GetRangeQuery(WholeValuesOnly(name), part1, part2, startInclusive, endInclusive);
    }

    protected override Query GetWildcardQuery(string field, string termStr)
    {
        if (field == "*" && termStr == "*")
        {
            return new MatchAllDocsQuery();
        }

        var name = Map(field);
        var wildcards = termStr.Count(c => c is '*' or '?');
        if (wildcards > LogQueryLimits.MaxWildcards)
        {
            throw new LogQueryException($"'{termStr}' has {wildcards} wildcards; at most {LogQueryLimits.MaxWildcards} are allowed in one term.");
        }

        return base.GetWildcardQuery(WholeValuesOnly(name), Normalize(name, termStr));
    }

    protected override Query GetPrefixQuery(string field, string termStr)
    {
        var name = Map(field);
        return base.GetPrefixQuery(WholeValuesOnly(name), Normalize(name, termStr));
    }

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity)
    {
        var name = Map(field);
        return base.GetFuzzyQuery(WholeValuesOnly(name), Normalize(name, termStr), minSimilarity);
    }

    protected override Query GetRegexpQuery(string field, string termStr) =>
        throw new LogQueryException($"Regular expressions (/{termStr}/) are not supported; use wildcards (* and ?) instead.");

    private static string Map(string field) => F.Resolve(field);

    /// <summary>
    /// <c>id</c> and <c>message.keyword</c> have no terms to enumerate (<see cref="LogDocuments"/>): they match a whole
    /// value, so a pattern or a range over them is refused rather than silently matching nothing.
    /// </summary>
    private static string WholeValuesOnly(string field) => field is F.Id or F.MessageKeyword
        ? throw new LogQueryException($"{field} matches one whole value exactly ({field}:\"…\"); wildcards, fuzzy terms and ranges are not supported on it.")
        : field;

    /// <summary>Text fields are indexed lower-case, and wildcard, prefix and fuzzy terms skip the analyzer.</summary>
    private static string Normalize(string field, string term)
    {
        if (field == F.Timestamp)
        {
            throw new LogQueryException($"timestamp takes a time or a range, not the pattern '{term}'.");
        }

        return LogFieldNames.IsText(field) || field == F.Level ? term.ToLowerInvariant() : term;
    }

    private static Severity Level(string text) =>
        SeverityNames.TryParse(text, out var level) ? level : throw new LogQueryException($"'{text}' is not a level; expected one of {SeverityNames.Expected}.");

    private static long Time(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ns))
        {
            return ns;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return (time - DateTimeOffset.UnixEpoch).Ticks * 100;
        }

        throw new LogQueryException($"'{text}' is not a time: give Unix nanoseconds or an ISO-8601 time such as \"2026-01-01T10:00:00Z\".");
    }
}

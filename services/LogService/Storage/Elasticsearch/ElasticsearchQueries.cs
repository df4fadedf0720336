using System.Text.Json.Nodes;
using AirisEpm.LogService.Storage.Lucene;
using Lucene.Net.Search;
using F = AirisEpm.LogService.Storage.LogFieldNames;

namespace AirisEpm.LogService.Storage.Elasticsearch;

/// <summary>
/// Query DSL for a <see cref="LogQuery"/>. The text is parsed by the same parser as the Lucene store
/// (so the same syntax, field names, limits and errors), and the parsed Lucene query is written out
/// clause by clause: its terms are already analysed by the same tokenisation the index template
/// declares, so they are sent as <c>term</c> queries and phrases as <c>match_phrase</c> of those tokens.
/// </summary>
internal static class ElasticsearchQueries
{
    /// <summary>The text query alone (null when there is none; used for highlighting) and the whole query.</summary>
    public static (JsonObject? Text, JsonObject All) Build(LogQuery query)
    {
        LogQueryLimits.Check(query);
        var text = LuceneQueries.ParseText(query.Text) is { } parsed ? Translate(parsed) : null;
        var must = new JsonArray(Range(query.StartNs, query.EndNs, true, false));
        if (text is not null)
        {
            must.Add(text.DeepClone());
        }

        AddTerm(must, F.Service, query.Service);
        AddTerm(must, F.Level, query.Level is { } level ? SeverityNames.Of(level) : null);
        AddTerm(must, F.TraceId, query.TraceId);
        AddTerm(must, F.PatternId, query.PatternId);
        return (text, Bool(("must", must)));
    }

    public static JsonObject Translate(Query query) => query switch
    {
        BooleanQuery b => Translate(b),
        TermQuery t => Term(t.Term.Field, t.Term.Text),
        PhraseQuery p => new JsonObject
        {
            ["match_phrase"] = new JsonObject
            {
                [p.GetTerms()[0].Field] = new JsonObject { ["query"] = string.Join(' ', p.GetTerms().Select(t => t.Text)), ["slop"] = p.Slop },
            },
        },
        PrefixQuery p => new JsonObject { ["prefix"] = new JsonObject { [p.Prefix.Field] = new JsonObject { ["value"] = p.Prefix.Text } } },
        WildcardQuery w => new JsonObject { ["wildcard"] = new JsonObject { [w.Term.Field] = new JsonObject { ["value"] = w.Term.Text } } },
        FuzzyQuery f => new JsonObject
        {
            ["fuzzy"] = new JsonObject { [f.Term.Field] = new JsonObject { ["value"] = f.Term.Text, ["fuzziness"] = f.MaxEdits, ["prefix_length"] = f.PrefixLength } },
        },
        TermRangeQuery r => new JsonObject
        {
            ["range"] = new JsonObject
            {
                [r.Field] = Bounds(r.LowerTerm?.Utf8ToString(), r.UpperTerm?.Utf8ToString(), r.IncludesLower, r.IncludesUpper),
            },
        },
        TimeRangeQuery r => Range(r.From, r.To, r.FromInclusive, r.ToInclusive),
        RecordIdQuery r => Term(F.Id, r.Id),
        ExactMessageQuery m => Term(F.MessageKeyword, m.Message),
        MatchAllDocsQuery => new JsonObject { ["match_all"] = new JsonObject() },
        _ => throw new LogQueryException($"The query part '{query}' has no Elasticsearch equivalent here."),
    };

    public static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };

    public static JsonObject Range(long? from, long? to, bool fromInclusive, bool toInclusive) =>
        new() { ["range"] = new JsonObject { [F.Timestamp] = Bounds(from, to, fromInclusive, toInclusive) } };

    public static JsonObject Bool(params (string Occur, JsonArray Clauses)[] parts)
    {
        var body = new JsonObject();
        foreach (var (occur, clauses) in parts.Where(p => p.Clauses.Count > 0))
        {
            body[occur] = clauses;
        }

        return new JsonObject { ["bool"] = body };
    }

    private static JsonObject Translate(BooleanQuery query)
    {
        JsonArray Of(Occur occur) => [.. query.Clauses.Where(c => c.Occur == occur).Select(c => (JsonNode)Translate(c.Query))];
        var should = Of(Occur.SHOULD);
        var group = Bool(("must", Of(Occur.MUST)), ("should", should), ("must_not", Of(Occur.MUST_NOT)));
        if (should.Count > 0 && query.Clauses.All(c => c.Occur != Occur.MUST))
        {
            group["bool"]!["minimum_should_match"] = 1; // Lucene's rule: with no required clause, one optional one must match
        }

        return group;
    }

    private static JsonObject Bounds<T>(T? from, T? to, bool fromInclusive, bool toInclusive)
    {
        var bounds = new JsonObject();
        if (from is not null)
        {
            bounds[fromInclusive ? "gte" : "gt"] = JsonValue.Create(from);
        }

        if (to is not null)
        {
            bounds[toInclusive ? "lte" : "lt"] = JsonValue.Create(to);
        }

        return bounds;
    }

    private static void AddTerm(JsonArray must, string field, string? value)
    {
        if (value is not null)
        {
            must.Add(Term(field, value));
        }
    }
}

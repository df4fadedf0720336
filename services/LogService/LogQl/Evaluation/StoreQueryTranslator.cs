using AirisEpm.LogService.Domain;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.LogService.Storage;
using F = AirisEpm.LogService.Storage.LogFieldNames;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Translates a stream selector, and the texts its <c>|=</c> and <c>|&gt;</c> filters require (up to the first
/// stage that rewrites the line), into a
/// <see cref="StoreFilter"/>. Label matchers map to the stored fields: <c>service_name</c> to
/// <c>service</c>, <c>detected_level</c> to <c>level</c>, any other label to <c>labels.&lt;name&gt;</c>,
/// and the aliases <c>level</c>/<c>service</c> to "the label where the record has it, the field where it
/// does not". <c>=</c> and <c>!=</c> with a value become terms. Regex matchers, and matchers an empty value
/// satisfies, become the list of stored values they match: the store is asked for the field's distinct
/// values in the range (labels have few), the matcher picks, and the picks become terms (negated when an
/// empty value matches, so records without the label stay in). A field with more than
/// <see cref="MaxValues"/> values, or a pick of more than <see cref="MaxTerms"/>, is left to the in-memory
/// check; the filter is then not exact.
/// </summary>
public sealed class StoreQueryTranslator(ILogStore store)
{
    public const int MaxValues = 10_000;
    public const int MaxTerms = 500;
    public const int MaxLineTerms = 16;

    private static readonly string[] LevelNames = Enum.GetValues<Severity>().Select(SeverityNames.Of).ToArray();

    public async Task<StoreFilter> TranslateAsync(
        IReadOnlyList<Matcher> matchers, IReadOnlyList<PipelineStage> stages, long startNs, long endNs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        ArgumentNullException.ThrowIfNull(stages);
        var clauses = new List<string>();
        var exact = true;
        foreach (var matcher in matchers)
        {
            var clause = await ClauseAsync(matcher, startNs, endNs, ct);
            if (clause is null) exact = false;
            else if (clause != LuceneText.All) clauses.Add(clause);
        }

        var lineTerms = stages.TakeWhile(s => !LogPipeline.RewritesLine(s))
            .OfType<LineFilterStage>()
            .SelectMany(f => f.RequiredTexts)
            .SelectMany(LineFilterTerms.For)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxLineTerms);
        clauses.AddRange(lineTerms);
        return new StoreFilter(clauses.Count == 0 ? null : LuceneText.And(clauses), exact);
    }

    private async Task<string?> ClauseAsync(Matcher matcher, long startNs, long endNs, CancellationToken ct)
    {
        switch (matcher.Name)
        {
            case StreamLabels.ServiceName:
                return await FieldClauseAsync(F.Service, matcher, startNs, endNs, null, ct);
            case StreamLabels.DetectedLevel:
                return LevelClause(matcher);
            case StreamLabels.Level or StreamLabels.Service:
                var label = F.LabelPrefix + matcher.Name;
                var fromLabel = await FieldClauseAsync(label, matcher, startNs, endNs, null, ct);
                var fromField = matcher.Name == StreamLabels.Level
                    ? LevelClause(matcher)
                    : await FieldClauseAsync(F.Service, matcher, startNs, endNs, LuceneText.Not(LuceneText.Present(label)), ct);
                if (fromLabel is null || fromField is null) return null;
                return LuceneText.Or([
                    LuceneText.And([LuceneText.Present(label), fromLabel]),
                    LuceneText.And([LuceneText.Not(LuceneText.Present(label)), fromField]),
                ]);
            default:
                return await FieldClauseAsync(F.LabelPrefix + matcher.Name, matcher, startNs, endNs, null, ct);
        }
    }

    private static string LevelClause(Matcher matcher) => Pick(matcher, LevelNames, F.Level)!;

    private async Task<string?> FieldClauseAsync(string field, Matcher matcher, long startNs, long endNs, string? within, CancellationToken ct)
    {
        if (matcher.Value.Length > 0 && matcher.Op is MatchOp.Equal)
        {
            return LuceneText.Term(field, matcher.Value);
        }

        if (matcher.Value.Length > 0 && matcher.Op is MatchOp.NotEqual)
        {
            return LuceneText.Not(LuceneText.Term(field, matcher.Value));
        }

        var values = await store.ValuesAsync(field, new LogQuery(within, startNs, endNs), MaxValues, ct);
        return values.Count >= MaxValues ? null : Pick(matcher, values.Select(v => v.Value).ToList(), field);
    }

    /// <summary>The terms of the known values the matcher takes, or (when it takes the empty value) the negation of those it refuses.</summary>
    private static string? Pick(Matcher matcher, IReadOnlyList<string> known, string field)
    {
        var terms = known.Where(v => matcher.Matches(v) != matcher.MatchesEmpty).Select(v => LuceneText.Term(field, v)).ToList();
        if (terms.Count > MaxTerms) return null;
        if (!matcher.MatchesEmpty) return LuceneText.Or(terms);
        return terms.Count == 0 ? LuceneText.All : LuceneText.Not(LuceneText.Or(terms));
    }
}

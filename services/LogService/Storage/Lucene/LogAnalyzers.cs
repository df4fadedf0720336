using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>The analyzers of the index: <see cref="LogTokenizer"/> plus lower-casing for the text fields, whole values elsewhere.</summary>
internal static class LogAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>For <c>message</c> and <c>stack_trace</c>.</summary>
    public static Analyzer Text { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new LogTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
    });

    /// <summary>What the query parser analyses each field's text with: text fields tokenised, keywords kept whole.</summary>
    public static Analyzer PerField { get; } = new PerFieldAnalyzer();

    private sealed class PerFieldAnalyzer() : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        private readonly KeywordAnalyzer _keyword = new();

        protected override Analyzer GetWrappedAnalyzer(string fieldName) => LogFieldNames.IsText(fieldName) ? Text : _keyword;
    }
}

using System.Text;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// Splits log text into runs of letters, digits and underscores. Everything else (spaces, and the
/// punctuation logs are full of: <c>= : / . - , [ ] " ' @ #</c>) separates tokens, so
/// <c>user_id=42 path=/api/v1 ip=10.0.0.1</c> gives <c>user_id 42 path api v1 ip 10 0 0 1</c>.
/// Unlike StandardAnalyzer's word rules it never keeps <c>10.0.0.1</c> or <c>a.b</c> whole and never
/// drops stop words (<c>not</c> and <c>no</c> matter in logs); ids stay searchable whole through
/// phrases (the query parser turns <c>10.0.0.1</c> into the phrase <c>"10 0 0 1"</c>), or through
/// <c>message.keyword</c> for the whole message.
/// </summary>
internal sealed class LogTokenizer(LuceneVersion version, TextReader input) : CharTokenizer(version, input)
{
    protected override bool IsTokenChar(int c) => c == '_' || (Rune.TryCreate(c, out var rune) && Rune.IsLetterOrDigit(rune));
}

using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>What a label filter stage tests: string matchers, numeric comparisons, and their <c>and</c>/<c>or</c>.</summary>
public abstract record LabelPredicate;

/// <summary><c>level="error"</c>, <c>path=~"/api/.*"</c>: a label matcher; an absent label compares as the empty string.</summary>
public sealed record StringLabelPredicate(Matcher Matcher) : LabelPredicate;

/// <summary>
/// <c>status >= 500</c>, <c>latency > 250ms</c>, <c>size &lt; 20kb</c>: the label's value read as a number,
/// a duration (compared in seconds) or a size (in bytes). As in Loki, a line without the label is dropped,
/// and one whose value does not read is kept with <c>__error__="LabelFilterErr"</c>.
/// </summary>
public sealed record NumericLabelPredicate(string Name, ComparisonOperator Operator, double Value, NumericUnit Unit) : LabelPredicate;

/// <summary><c>a and b</c> (also written <c>a, b</c> or <c>a b</c>) and <c>a or b</c>; <c>and</c> binds tighter.</summary>
public sealed record BinaryLabelPredicate(LabelPredicate Left, bool And, LabelPredicate Right) : LabelPredicate;

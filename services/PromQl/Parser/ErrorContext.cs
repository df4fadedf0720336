namespace AirisEpm.PromQl.Parser;

/// <summary>
/// One of the places where Prometheus's grammar catches a syntax error itself, and how its message ends there:
/// <c>unexpected X in &lt;context&gt;, expected &lt;expected&gt;</c>.
/// </summary>
internal readonly record struct ErrorContext(string Context, string Expected)
{
    public static readonly ErrorContext None = new("", "");

    public static readonly ErrorContext Aggregation = new("aggregation", "");

    public static readonly ErrorContext GroupingOpen = new("grouping opts", "\"(\"");

    public static readonly ErrorContext GroupingLabel = new("grouping opts", "label");

    public static readonly ErrorContext GroupingNext = new("grouping opts", "\",\" or \")\"");

    public static readonly ErrorContext MatcherStart = new("label matching", "identifier or \"}\"");

    public static readonly ErrorContext MatcherOperator = new("label matching", "label matching operator");

    public static readonly ErrorContext MatcherValue = new("label matching", "string");

    public static readonly ErrorContext MatcherNext = new("label matching", "\",\" or \"}\"");

    public static readonly ErrorContext Offset = new("offset", "number or duration");

    public static readonly ErrorContext At = new("@", "timestamp");

    public static readonly ErrorContext RangeStart = new("subquery selector", "number or duration");

    public static readonly ErrorContext RangeNext = new("subquery or range", "\":\" or \"]\"");

    public static readonly ErrorContext StepStart = new("subquery selector", "number or duration or \"]\"");

    public static readonly ErrorContext StepEnd = new("subquery selector", "\"]\"");

    public string Suffix => (Context.Length > 0 ? " in " + Context : "") + (Expected.Length > 0 ? ", expected " + Expected : "");
}

namespace AirisEpm.LogService.Storage;

/// <summary>
/// The field names a query can use, the same in every store. A bare name that is not one of these (and
/// has no <c>labels.</c>/<c>fields.</c> prefix) means <c>fields.&lt;name&gt;</c>, so <c>user_id:42</c>
/// finds the records whose producer sent a <c>user_id</c> attribute.
/// </summary>
public static class LogFieldNames
{
    public const string Id = "id";
    public const string Timestamp = "timestamp";
    public const string Level = "level";
    public const string Message = "message";
    public const string MessageKeyword = "message.keyword";
    public const string Service = "service";
    public const string TraceId = "trace_id";
    public const string SpanId = "span_id";
    public const string PatternId = "pattern_id";
    public const string StackTrace = "stack_trace";
    public const string LabelPrefix = "labels.";
    public const string FieldPrefix = "fields.";

    private static readonly HashSet<string> BuiltIn = [Id, Timestamp, Level, Message, MessageKeyword, Service, TraceId, SpanId, PatternId, StackTrace];

    /// <summary>The stored field a query's field name refers to.</summary>
    public static string Resolve(string name) =>
        BuiltIn.Contains(name) || IsPrefixed(name, LabelPrefix) || IsPrefixed(name, FieldPrefix) ? name : FieldPrefix + name;

    /// <summary>True for the analysed (full-text) fields; every other field is an exact keyword.</summary>
    public static bool IsText(string field) => field is Message or StackTrace;

    private static bool IsPrefixed(string name, string prefix) => name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal);
}

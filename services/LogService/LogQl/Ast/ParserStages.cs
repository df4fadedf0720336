using System.Text.RegularExpressions;
using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.LogQl.Ast;

/// <summary><c>| json</c>: every field of a JSON object line becomes a label, nested keys joined by <c>_</c>.</summary>
public sealed record JsonParserStage : PipelineStage;

/// <summary><c>| logfmt</c>: every <c>key=value</c> pair of the line becomes a label.</summary>
public sealed record LogfmtParserStage : PipelineStage;

/// <summary><c>| unpack</c>: the labels Promtail's <c>pack</c> stage packed into a JSON line, and its <c>_entry</c> as the line.</summary>
public sealed record UnpackParserStage : PipelineStage;

/// <summary><c>| regexp "(?P&lt;status&gt;\d{3})"</c>: each named group of the first match becomes a label.</summary>
public sealed record RegexpParserStage(string Pattern, Regex Regex, IReadOnlyList<string> Names) : PipelineStage;

/// <summary><c>| pattern "&lt;ip&gt; - &lt;_&gt; &lt;method&gt;"</c>: each named capture becomes a label (<see cref="LinePattern"/>).</summary>
public sealed record PatternParserStage(string Text, LinePattern Pattern) : PipelineStage;

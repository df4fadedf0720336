namespace AirisEpm.GoTemplates;

// The parse tree of a Go template, as text/template/parse builds it. Line is where the node starts (for errors).
internal abstract record GoNode(int Line);

internal sealed record GoListNode(int Line, List<GoNode> Nodes) : GoNode(Line);

internal sealed record GoTextNode(int Line, string Text) : GoNode(Line);

internal sealed record GoCommentNode(int Line) : GoNode(Line);

/// <summary><c>{{ pipeline }}</c>: printed unless it declares or assigns variables.</summary>
internal sealed record GoActionNode(int Line, GoPipeNode Pipe) : GoNode(Line);

/// <summary>Commands joined by <c>|</c>, with the variables it declares (<c>:=</c>) or assigns (<c>=</c>).</summary>
internal sealed record GoPipeNode(int Line, List<string> Declarations, bool IsAssign, List<GoCommandNode> Commands) : GoNode(Line);

internal sealed record GoCommandNode(int Line, List<GoNode> Args) : GoNode(Line);

internal sealed record GoIdentifierNode(int Line, string Name) : GoNode(Line);

/// <summary><c>$x.a.b</c>: the variable's name, then field names.</summary>
internal sealed record GoVariableNode(int Line, string Name, IReadOnlyList<string> Fields) : GoNode(Line);

/// <summary><c>.a.b</c> on dot.</summary>
internal sealed record GoFieldNode(int Line, IReadOnlyList<string> Fields) : GoNode(Line);

/// <summary><c>(pipeline).a.b</c> or <c>fn.a</c>: fields of any other term.</summary>
internal sealed record GoChainNode(int Line, GoNode Node, IReadOnlyList<string> Fields) : GoNode(Line);

internal sealed record GoDotNode(int Line) : GoNode(Line);

internal sealed record GoNilNode(int Line) : GoNode(Line);

internal sealed record GoBoolNode(int Line, bool Value) : GoNode(Line);

/// <summary>A number constant: an int when it is one (<see cref="Int"/> set), else a float.</summary>
internal sealed record GoNumberNode(int Line, string Text, long? Int, double Float, bool IsComplex) : GoNode(Line);

internal sealed record GoStringNode(int Line, string Value) : GoNode(Line);

internal sealed record GoIfNode(int Line, GoPipeNode Pipe, GoListNode List, GoListNode? Else) : GoNode(Line);

internal sealed record GoWithNode(int Line, GoPipeNode Pipe, GoListNode List, GoListNode? Else) : GoNode(Line);

internal sealed record GoRangeNode(int Line, GoPipeNode Pipe, GoListNode List, GoListNode? Else) : GoNode(Line);

internal sealed record GoBreakNode(int Line) : GoNode(Line);

internal sealed record GoContinueNode(int Line) : GoNode(Line);

internal sealed record GoTemplateNode(int Line, string Name, GoPipeNode? Pipe) : GoNode(Line);

// Markers itemList returns to its caller.
internal sealed record GoEndNode(int Line) : GoNode(Line);

internal sealed record GoElseNode(int Line, bool ElseIf, bool ElseWith) : GoNode(Line);

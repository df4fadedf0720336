namespace AirisEpm.PromQl.Ast;

/// <summary>Where a node sits in the query text (0-based, end exclusive); error messages cite it.</summary>
public readonly record struct PositionRange(int Start, int End);

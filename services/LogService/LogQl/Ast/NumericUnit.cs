namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>How a numeric label filter reads the label value: a plain number, a duration (<c>250ms</c>) or a size (<c>20kb</c>).</summary>
public enum NumericUnit
{
    Number,
    Duration,
    Bytes,
}

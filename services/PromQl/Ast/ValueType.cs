namespace AirisEpm.PromQl.Ast;

/// <summary>The type an expression evaluates to, named as Prometheus names it in errors and API answers.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "PromQL's own type names.")]
public enum ValueType
{
    None,
    Scalar,
    Vector,
    Matrix,
    String,
}

public static class ValueTypeNames
{
    /// <summary>Prometheus's spelling: <c>scalar</c>, <c>vector</c> (instant vector), <c>matrix</c> (range vector), <c>string</c>.</summary>
    public static string Name(this ValueType type) => type switch
    {
        ValueType.Scalar => "scalar",
        ValueType.Vector => "vector",
        ValueType.Matrix => "matrix",
        ValueType.String => "string",
        _ => "none",
    };

    /// <summary>How parse errors describe a type: "instant vector", "range vector", "scalar", "string".</summary>
    public static string DocumentedName(this ValueType type) => type switch
    {
        ValueType.Vector => "instant vector",
        ValueType.Matrix => "range vector",
        _ => type.Name(),
    };
}

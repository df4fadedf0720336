using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine;

/// <summary>One float sample in time; <see cref="T"/> in Unix milliseconds.</summary>
public readonly record struct Point(long T, double V);

/// <summary>One element of an instant vector.</summary>
public sealed record Sample(LabelSet Metric, long T, double V);

/// <summary>A series with its points in time order (a range vector element, or a range query's answer).</summary>
public sealed record Series(LabelSet Metric, IReadOnlyList<Point> Points);

/// <summary>What a query evaluates to.</summary>
public abstract record QueryValue
{
    /// <summary>Prometheus's <c>resultType</c>: scalar, string, vector or matrix.</summary>
    public abstract string ResultType { get; }
}

public sealed record ScalarValue(long T, double V) : QueryValue
{
    public override string ResultType => "scalar";
}

public sealed record StringValue(long T, string V) : QueryValue
{
    public override string ResultType => "string";
}

public sealed record VectorValue(IReadOnlyList<Sample> Samples) : QueryValue
{
    public override string ResultType => "vector";
}

public sealed record MatrixValue(IReadOnlyList<Series> Series) : QueryValue
{
    public override string ResultType => "matrix";
}

using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>An answered query, in one of Loki's four result types, with its statistics.</summary>
public abstract record QueryResult(QueryStatistics Statistics);

/// <summary>A log query's lines, grouped by their final label sets.</summary>
public sealed record StreamsResult(IReadOnlyList<LogStream> Streams, QueryStatistics Statistics) : QueryResult(Statistics);

public sealed record LogStream(LabelSet Labels, IReadOnlyList<LogEntry> Entries);

public readonly record struct LogEntry(long TimestampNs, string Line);

/// <summary>A range query's series over its grid, sorted by labels.</summary>
public sealed record MatrixResult(IReadOnlyList<Series> Series, StepGrid Grid, QueryStatistics Statistics) : QueryResult(Statistics);

/// <summary>An instant query's samples at <see cref="TimeNs"/>, sorted by labels.</summary>
public sealed record VectorResult(IReadOnlyList<VectorSample> Samples, long TimeNs, QueryStatistics Statistics) : QueryResult(Statistics);

public readonly record struct VectorSample(LabelSet Labels, double Value);

/// <summary>An instant query of a number alone (<c>1 + 1</c>).</summary>
public sealed record ScalarResult(double Value, long TimeNs, QueryStatistics Statistics) : QueryResult(Statistics);

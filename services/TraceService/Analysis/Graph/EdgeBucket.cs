using AirisEpm.TraceService.Analysis.Dependencies;

namespace AirisEpm.TraceService.Analysis.Graph;

/// <summary>One edge's statistics over one time bucket, with the kinds of both ends: the unit the graph is stored in.</summary>
public sealed record EdgeBucket(long BucketStartNs, EdgeKey Edge, TargetKind FromKind, TargetKind ToKind, BucketStats Stats);

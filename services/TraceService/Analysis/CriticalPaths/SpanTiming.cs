using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Analysis.CriticalPaths;

/// <summary>
/// A span's share of the trace: <paramref name="CriticalNs"/> is its time on the critical path;
/// <paramref name="SelfNs"/> its duration minus the time any child (synchronous or not) ran within it.
/// </summary>
public sealed record SpanTiming(Span Span, long CriticalNs, long SelfNs);

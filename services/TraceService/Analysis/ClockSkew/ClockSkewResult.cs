using AirisEpm.TraceService.Analysis.Trees;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Analysis.ClockSkew;

/// <summary>
/// The adjusted trace: <see cref="Spans"/> are the input tree's spans (in its node order), moved copies
/// where a shift applied; <see cref="Tree"/> is built from them. <see cref="Skipped"/> lists measured
/// shifts larger than <see cref="ClockSkewOptions.MaxShiftNs"/>, not applied.
/// </summary>
public sealed record ClockSkewResult(
    IReadOnlyList<Span> Spans,
    TraceTree Tree,
    IReadOnlyList<SpanShift> Shifts,
    IReadOnlyList<SpanShift> Skipped);

using AirisEpm.TraceService.Analysis.ClockSkew;

namespace AirisEpm.TraceService.Apis.Views;

/// <summary>
/// How clock skew was adjusted (<see cref="ClockSkewAdjuster"/>): every moved span with its shift and the span whose misfit
/// was measured (its subtree moved with it), and the measured shifts too large to apply (<see cref="ClockSkewOptions.MaxShiftNs"/>).
/// </summary>
public sealed record ClockSkewView(bool Adjusted, long MaxShiftNs, IReadOnlyList<SpanShiftView> Shifts, IReadOnlyList<SpanShiftView> Skipped)
{
    public static ClockSkewView Of(ClockSkewResult result) => new(
        result.Shifts.Count > 0, ClockSkewOptions.Default.MaxShiftNs,
        result.Shifts.Select(SpanShiftView.Of).ToList(), result.Skipped.Select(SpanShiftView.Of).ToList());
}

public sealed record SpanShiftView(string SpanId, long DeltaNs, string OriginSpanId, bool IsOrigin)
{
    public static SpanShiftView Of(SpanShift shift) => new(shift.SpanId, shift.DeltaNs, shift.OriginSpanId, shift.IsOrigin);
}

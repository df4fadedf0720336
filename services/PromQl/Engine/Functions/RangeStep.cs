namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>
/// What a function over a range vector sees besides the window's points: the step's evaluation time, the
/// window bounds <c>(Start, End]</c> and its length, the call's scalar parameter at this step (the φ of
/// quantile_over_time, the horizon of predict_linear), and how many of the window's samples are below the one
/// before (counter resets), counted as the window slides so rate need not look for them in every window.
/// </summary>
internal readonly record struct RangeStep(long Time, long Start, long End, double RangeSeconds, double Parameter, int Drops = 0);

/// <summary>One function over a window of points; false when the window yields no sample.</summary>
internal delegate bool RangeKernel(ReadOnlySpan<Point> window, in RangeStep step, out double value);

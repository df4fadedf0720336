namespace AirisEpm.TraceService.Analysis.Dependencies;

/// <summary>
/// One call from service <paramref name="From"/> to <paramref name="To"/>. For a matched pair the
/// duration is the callee's span (the server or consumer: the work done there), for a virtual callee
/// the caller's client or producer span. <paramref name="TimeNs"/> is the caller span's start, so
/// all of one caller's calls are timed by one clock. <paramref name="TraceId"/> is an exemplar.
/// <paramref name="FromKind"/> is <see cref="TargetKind.External"/> only for the virtual caller of entry spans
/// (<see cref="DependencyExtractorOptions.EntryCaller"/>).
/// </summary>
public sealed record ServiceCall(
    string From, string To, TargetKind ToKind, long DurationNs, bool IsError, string TraceId, long TimeNs, TargetKind FromKind = TargetKind.Service);

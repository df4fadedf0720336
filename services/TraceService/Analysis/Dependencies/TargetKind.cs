namespace AirisEpm.TraceService.Analysis.Dependencies;

/// <summary>What the callee of a <see cref="ServiceCall"/> is.</summary>
public enum TargetKind
{
    /// <summary>An instrumented service, or one named by <c>peer.service</c>.</summary>
    Service = 0,
    Database = 1,
    Queue = 2,

    /// <summary>An uninstrumented host known only by its address.</summary>
    External = 3,
}

namespace AirisEpm.TraceService.Analysis.Bottlenecks;

/// <summary>A span's (service, operation name), what bottlenecks are ranked by.</summary>
public readonly record struct OperationKey(string Service, string Operation)
{
    public override string ToString() => Service + " " + Operation;
}

namespace AirisEpm.TraceService.Analysis.Graph;

/// <summary>A caller → callee pair of the dependency graph.</summary>
public readonly record struct EdgeKey(string From, string To)
{
    public override string ToString() => From + " → " + To;
}

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// The result of one eval (or of a script or load command that could not run, with <see cref="Expr"/> empty).
/// <see cref="Details"/> lists what was expected and what came back when a result differed.
/// </summary>
public sealed record EvalOutcome(int Line, string Expr, IReadOnlyList<string> Problems, string? Details = null)
{
    public bool Passed => Problems.Count == 0;

    /// <summary><c>file:line: expr</c>, then each problem and the listings, indented.</summary>
    public string Describe(string file)
    {
        var head = Expr.Length > 0 ? $"{file}:{Line}: {Expr}" : $"{file}:{Line}:";
        var body = string.Join("\n", Problems.Select(p => "  " + p.Replace("\n", "\n  ", StringComparison.Ordinal)));
        return Details is null ? head + "\n" + body : head + "\n" + body + "\n" + Details;
    }
}

/// <summary>The outcomes of one script file, in file order.</summary>
public sealed record ScriptReport(string File, IReadOnlyList<EvalOutcome> Outcomes)
{
    public int Passed => Outcomes.Count(o => o.Passed);

    public int Failed => Outcomes.Count(o => !o.Passed);

    public IEnumerable<string> Failures => Outcomes.Where(o => !o.Passed).Select(o => o.Describe(File));
}

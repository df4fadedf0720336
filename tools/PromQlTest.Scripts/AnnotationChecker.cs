namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// Checks a query's annotations against <c>eval_warn</c>/<c>eval_info</c> and the <c>expect warn|info|no_warn|no_info</c>
/// lines. The runner passes the engine's <c>Warnings</c> and <c>Infos</c> together; as in Prometheus's API output, an
/// info is one whose text starts with <c>PromQL info:</c>, anything else is a warning.
/// </summary>
public static class AnnotationChecker
{
    public const string InfoPrefix = "PromQL info:";

    public static List<string> Check(EvalCommand eval, IReadOnlyList<string> annotations)
    {
        ArgumentNullException.ThrowIfNull(eval);
        ArgumentNullException.ThrowIfNull(annotations);
        var infos = annotations.Where(a => a.StartsWith(InfoPrefix, StringComparison.Ordinal)).ToList();
        var warnings = annotations.Where(a => !a.StartsWith(InfoPrefix, StringComparison.Ordinal)).ToList();
        var problems = new List<string>();
        CheckKind("warn", eval.Warnings, warnings, problems);
        CheckKind("info", eval.Infos, infos, problems);
        return problems;
    }

    private static void CheckKind(string kind, AnnotationExpectation expectation, List<string> actual, List<string> problems)
    {
        if (expectation.AtLeastOne && actual.Count == 0)
        {
            problems.Add($"expected {kind} annotations but got none");
        }

        if (expectation.None && actual.Count > 0)
        {
            problems.Add($"unexpected {kind} annotations: {string.Join("; ", actual)}");
        }

        if (expectation.Patterns.Count == 0)
        {
            return;
        }

        if (actual.Count == 0)
        {
            problems.Add($"expected {kind} annotations but none were found");
            return;
        }

        foreach (var pattern in expectation.Patterns.Where(p => !actual.Any(p.Matches)))
        {
            problems.Add($"expected {kind} annotation matching {pattern} but no matching annotation was found, found: {string.Join("; ", actual)}");
        }

        foreach (var annotation in actual.Where(a => !expectation.Patterns.Any(p => p.Matches(a))))
        {
            problems.Add($"unexpected {kind} annotation \"{annotation}\"");
        }
    }
}

namespace AirisEpm.AlertService.Tests.PrometheusRules;

/// <summary>
/// The rule files under <c>testdata/rulefiles</c>: <c>valid/</c> promtool accepts, <c>invalid/</c> it refuses, and
/// <c>prometheus3/</c> uses what Prometheus 3 added (a group's <c>query_offset</c> and <c>labels</c>, UTF-8 names in
/// PromQL, the template functions <c>now</c> and <c>toDuration</c>, <c>{{else with}}</c>), which promtool 2.42 refuses
/// and alert-service, following Prometheus 3, accepts.
/// </summary>
public static class RuleFileCorpus
{
    public static string Folder => System.IO.Path.Combine(AppContext.BaseDirectory, "PrometheusRules", "testdata", "rulefiles");

    public static TheoryData<string> Valid => Files("valid");

    public static TheoryData<string> Invalid => Files("invalid");

    public static TheoryData<string> Prometheus3 => Files("prometheus3");

    public static string PathOf(string relative) => System.IO.Path.Combine(Folder, relative);

    private static TheoryData<string> Files(string kind) =>
        new(Directory.GetFiles(System.IO.Path.Combine(Folder, kind), "*.yml").Order(StringComparer.Ordinal)
            .Select(f => kind + "/" + System.IO.Path.GetFileName(f)));
}

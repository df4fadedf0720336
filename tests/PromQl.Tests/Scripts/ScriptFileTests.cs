using AirisEpm.PromQlTest.Scripts;

namespace AirisEpm.PromQl.Tests.Scripts;

/// <summary>Every <c>testdata/*.test</c> script, run against the parser and engine; a failure lists the runner's messages.</summary>
public sealed class ScriptFileTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "testdata");

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Folder, "*" + ScriptFiles.Extension).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Script_passes(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Folder, file), TestContext.Current.CancellationToken);
        var report = await ScriptRunner.RunAsync("testdata/" + file, text, EngineTarget.Factory(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(report.Outcomes.Count > 0, $"{file} has no eval");
        Assert.True(report.Failed == 0, $"{report.Failed} of {report.Outcomes.Count} evals failed:\n\n" + string.Join("\n\n", report.Failures));
    }

    [Fact]
    public void The_suite_has_its_scripts() => Assert.True(Files().Count >= 15, $"only {Files().Count} scripts in {Folder}");
}

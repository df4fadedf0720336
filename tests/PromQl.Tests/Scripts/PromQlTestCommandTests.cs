using AirisEpm.PromQlTest;

namespace AirisEpm.PromQl.Tests.Scripts;

public sealed class PromQlTestCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("promqltest-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Prints_each_failure_and_ends_with_the_counts()
    {
        Write("a.test", "load 1m\n  up{job=\"a\"} 1 2\n\neval instant at 1m up\n  up{job=\"a\"} 2\n\neval instant at 1m up\n  up{job=\"a\"} 3\n");
        Write("sub/b.test", "eval instant at 0 1 + 1\n  2\n");
        var (code, output, _) = await Run(_folder);
        Assert.Equal(1, code);
        Assert.Contains("a.test:7: up\n  expected 3 for up{job=\"a\"} but got 2", output, StringComparison.Ordinal);
        Assert.EndsWith("2 passed, 1 failed\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exits_zero_when_everything_passes()
    {
        Write("ok.test", "eval instant at 0 vector(1)\n  {} 1\n");
        var (code, output, _) = await Run(Path.Combine(_folder, "ok.test"));
        Assert.Equal(0, code);
        Assert.Equal("1 passed, 0 failed\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_script_that_does_not_parse_counts_as_one_failure()
    {
        Write("bad.test", "load 1m\n  up{ 1\n");
        var (code, output, _) = await Run(_folder);
        Assert.Equal(1, code);
        Assert.Contains("bad.test:2:\n  invalid script: invalid series description", output, StringComparison.Ordinal);
        Assert.EndsWith("0 passed, 1 failed\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "name at least one .test file or folder")]
    [InlineData(new[] { "--bogus", "x" }, "unknown option --bogus")]
    [InlineData(new[] { "--timeout", "0", "x" }, "--timeout needs a positive number of seconds")]
    [InlineData(new[] { "/no/such/folder" }, "no such file or folder: /no/such/folder")]
    public async Task Bad_arguments_exit_with_2_and_say_why(string[] args, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PromQlTestCommand.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        Assert.Equal(2, code);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    private void Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PromQlTestCommand.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}

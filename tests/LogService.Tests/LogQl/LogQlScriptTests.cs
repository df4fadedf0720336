using AirisEpm.LogService.Storage.Lucene;
using AirisEpm.LogService.Tests.LogQl.Scripts;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Tests.LogQl;

/// <summary>Runs every <c>testdata/*.test</c> script (see <see cref="LogQlScript"/>) against a fresh Lucene store in a temporary folder.</summary>
public sealed class LogQlScriptTests
{
    public static TheoryData<string> Scripts => new(Directory.GetFiles(Folder, "*.test").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "LogQl", "testdata");

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_holds(string file)
    {
        var folder = Path.Combine(Path.GetTempPath(), "airis-logql-" + Guid.NewGuid().ToString("N"));
        var store = new LuceneLogStore(Options.Create(new AirisEpm.LogService.Storage.LogStoreOptions()), folder);
        try
        {
            await store.InitializeAsync(TestContext.Current.CancellationToken);
            var commands = LogQlScript.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, file), TestContext.Current.CancellationToken));
            await new LogQlScriptRunner(store).RunAsync(commands, file, TestContext.Current.CancellationToken);
        }
        finally
        {
            store.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }
}

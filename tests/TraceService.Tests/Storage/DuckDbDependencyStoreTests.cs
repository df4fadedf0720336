using AirisEpm.TraceService.Storage.Dependencies;

namespace AirisEpm.TraceService.Tests.Storage;

public sealed class DuckDbDependencyStoreTests : DependencyStoreConformance
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-deps-" + Guid.NewGuid().ToString("N"));

    private string DbPath => Path.Combine(_folder, "nested", "dependencies.duckdb");

    protected override async Task<IDependencyStore> CreateStoreAsync()
    {
        var store = new DuckDbDependencyStore(DbPath);
        await store.InitializeAsync(Ct);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_graph_survives_a_reopen_of_the_file()
    {
        await Store.WriteAsync([Bucket(T0, "a", "b", [1, 2])], Ct);
        ((IDisposable)Store).Dispose();

        using var reopened = new DuckDbDependencyStore(DbPath);
        await reopened.InitializeAsync(Ct);
        await reopened.InitializeAsync(Ct);

        Assert.Equal(2, Assert.Single(await reopened.ReadAsync(0, long.MaxValue, Ct)).Stats.Calls);
    }
}

using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.Tests.Support;
using AirisEpm.ServiceDefaults.Dapr;
using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace AirisEpm.DaprTestSidecar.Tests.State;

public sealed class StateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Target(string Url, int IntervalSeconds);

    [Fact]
    public async Task Save_get_delete_round_trip_through_the_sdk()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.MetricsService));

        await dapr.SaveStateAsync(DaprComponents.StateStore, "target-1", new Target("http://a:9100", 15), cancellationToken: Ct);
        Assert.Equal(new Target("http://a:9100", 15), await dapr.GetStateAsync<Target>(DaprComponents.StateStore, "target-1", cancellationToken: Ct));

        await dapr.DeleteStateAsync(DaprComponents.StateStore, "target-1", cancellationToken: Ct);
        Assert.Null(await dapr.GetStateAsync<Target?>(DaprComponents.StateStore, "target-1", cancellationToken: Ct));
    }

    [Fact]
    public async Task Keys_are_private_to_each_app()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var metrics = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.MetricsService));
        using var alerts = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.AlertService));

        await metrics.SaveStateAsync(DaprComponents.StateStore, "shared-name", "metrics", cancellationToken: Ct);
        Assert.Null(await alerts.GetStateAsync<string?>(DaprComponents.StateStore, "shared-name", cancellationToken: Ct));
    }

    [Fact]
    public async Task A_stale_etag_is_refused_and_a_fresh_one_accepted()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.AlertService));
        await dapr.SaveStateAsync(DaprComponents.StateStore, "rule", "v1", cancellationToken: Ct);

        var (value, etag) = await dapr.GetStateAndETagAsync<string>(DaprComponents.StateStore, "rule", cancellationToken: Ct);
        Assert.Equal("v1", value);
        Assert.True(await dapr.TrySaveStateAsync(DaprComponents.StateStore, "rule", "v2", etag, cancellationToken: Ct));
        Assert.False(await dapr.TrySaveStateAsync(DaprComponents.StateStore, "rule", "v3", etag, cancellationToken: Ct));
        Assert.False(await dapr.TryDeleteStateAsync(DaprComponents.StateStore, "rule", etag, cancellationToken: Ct));
        Assert.Equal("v2", await dapr.GetStateAsync<string>(DaprComponents.StateStore, "rule", cancellationToken: Ct));
    }

    [Fact]
    public async Task First_write_without_an_etag_fails_aborted_when_the_key_exists()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.AlertService));
        var firstWrite = new StateOptions { Concurrency = ConcurrencyMode.FirstWrite };

        await dapr.SaveStateAsync(DaprComponents.StateStore, "marker", "1", firstWrite, cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<DaprException>(() =>
            dapr.SaveStateAsync(DaprComponents.StateStore, "marker", "2", firstWrite, cancellationToken: Ct));

        Assert.Equal(StatusCode.Aborted, Assert.IsType<RpcException>(error.InnerException).StatusCode);
    }

    [Fact]
    public async Task A_transaction_applies_all_operations_or_none()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.AlertService));
        await dapr.SaveStateAsync(DaprComponents.StateStore, "old", "x", cancellationToken: Ct);
        var (_, etag) = await dapr.GetStateAndETagAsync<string>(DaprComponents.StateStore, "old", cancellationToken: Ct);

        await dapr.ExecuteStateTransactionAsync(DaprComponents.StateStore, [
            new StateTransactionRequest("a", System.Text.Encoding.UTF8.GetBytes("\"1\""), StateOperationType.Upsert),
            new StateTransactionRequest("old", null, StateOperationType.Delete),
        ], cancellationToken: Ct);
        Assert.Equal("1", await dapr.GetStateAsync<string>(DaprComponents.StateStore, "a", cancellationToken: Ct));
        Assert.Null(await dapr.GetStateAsync<string?>(DaprComponents.StateStore, "old", cancellationToken: Ct));

        var conflicting = Assert.ThrowsAsync<DaprException>(() => dapr.ExecuteStateTransactionAsync(DaprComponents.StateStore, [
            new StateTransactionRequest("b", System.Text.Encoding.UTF8.GetBytes("\"2\""), StateOperationType.Upsert),
            new StateTransactionRequest("a", System.Text.Encoding.UTF8.GetBytes("\"3\""), StateOperationType.Upsert, etag: etag),
        ], cancellationToken: Ct));
        await conflicting;
        Assert.Null(await dapr.GetStateAsync<string?>(DaprComponents.StateStore, "b", cancellationToken: Ct));
        Assert.Equal("1", await dapr.GetStateAsync<string>(DaprComponents.StateStore, "a", cancellationToken: Ct));
    }

    [Fact]
    public async Task A_transaction_the_store_refuses_writes_nothing_and_fails_as_daprd_does()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.AlertService));
        var store = env.Mesh.StateStore(DaprComponents.StateStore);
        IReadOnlyList<string>? seen = null;
        store.RefuseTransaction = writes =>
        {
            seen = [.. writes.Select(w => w.Key)];
            return "connection reset by peer";
        };

        var refused = await Assert.ThrowsAsync<DaprException>(() => dapr.ExecuteStateTransactionAsync(DaprComponents.StateStore, [
            new StateTransactionRequest("a", System.Text.Encoding.UTF8.GetBytes("\"1\""), StateOperationType.Upsert),
            new StateTransactionRequest("b", System.Text.Encoding.UTF8.GetBytes("\"2\""), StateOperationType.Upsert),
        ], cancellationToken: Ct));

        Assert.Equal("ERR_STATE_TRANSACTION", DaprClients.ErrorCode(refused));
        Assert.Equal(StatusCode.Internal, Assert.IsType<RpcException>(refused.InnerException).StatusCode);
        Assert.Equal([$"{AppIds.AlertService}||a", $"{AppIds.AlertService}||b"], seen);
        Assert.Null(await dapr.GetStateAsync<string?>(DaprComponents.StateStore, "a", cancellationToken: Ct));
        Assert.Null(await dapr.GetStateAsync<string?>(DaprComponents.StateStore, "b", cancellationToken: Ct));

        // Single writes are not transactions; once the fault is lifted, transactions go through again.
        await dapr.SaveStateAsync(DaprComponents.StateStore, "single", "s", cancellationToken: Ct);
        store.RefuseTransaction = null;
        await dapr.ExecuteStateTransactionAsync(DaprComponents.StateStore, [
            new StateTransactionRequest("a", System.Text.Encoding.UTF8.GetBytes("\"1\""), StateOperationType.Upsert),
        ], cancellationToken: Ct);
        Assert.Equal(("s", "1"), (await dapr.GetStateAsync<string>(DaprComponents.StateStore, "single", cancellationToken: Ct),
            await dapr.GetStateAsync<string>(DaprComponents.StateStore, "a", cancellationToken: Ct)));
    }

    [Fact]
    public async Task Ttl_expires_the_value_when_the_clock_passes_it()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.AlertService));
        var ttl = new Dictionary<string, string> { ["ttlInSeconds"] = "60" };
        await dapr.SaveStateAsync(DaprComponents.StateStore, "short-lived", "v", metadata: ttl, cancellationToken: Ct);

        env.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("v", await dapr.GetStateAsync<string?>(DaprComponents.StateStore, "short-lived", cancellationToken: Ct));
        env.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await dapr.GetStateAsync<string?>(DaprComponents.StateStore, "short-lived", cancellationToken: Ct));
    }

    [Fact]
    public async Task Bulk_get_and_bulk_delete()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.LogService));
        await dapr.SaveBulkStateAsync(DaprComponents.StateStore, [
            new SaveStateItem<string>("k1", "one", ""), new SaveStateItem<string>("k2", "two", "")], cancellationToken: Ct);

        var items = await dapr.GetBulkStateAsync<string>(DaprComponents.StateStore, ["k1", "k2", "k3"], parallelism: 1, cancellationToken: Ct);
        Assert.Equal(["one", "two", null], items.OrderBy(i => i.Key).Select(i => string.IsNullOrEmpty(i.Value) ? null : i.Value));

        await dapr.DeleteBulkStateAsync(DaprComponents.StateStore, [new BulkDeleteStateItem("k1", ""), new BulkDeleteStateItem("k2", "")], Ct);
        Assert.Null(await dapr.GetStateAsync<string?>(DaprComponents.StateStore, "k1", cancellationToken: Ct));
    }

    [Fact]
    public async Task An_undeclared_store_fails_with_err_state_store_not_found()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.MetricsService));

        var error = await Assert.ThrowsAsync<DaprException>(() => dapr.GetStateAsync<string>("no-such-store", "k", cancellationToken: Ct));

        Assert.Equal("ERR_STATE_STORE_NOT_FOUND", DaprClients.ErrorCode(error));
        Assert.Equal(StatusCode.InvalidArgument, Assert.IsType<RpcException>(error.InnerException).StatusCode);
    }

    [Fact]
    public async Task An_app_outside_the_scopes_gets_no_state_store()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        using var dapr = DaprClients.For(await env.Mesh.StartSidecarAsync("stranger-app"));

        var error = await Assert.ThrowsAsync<DaprException>(() => dapr.GetStateAsync<string>(DaprComponents.StateStore, "k", cancellationToken: Ct));

        Assert.Equal("ERR_STATE_STORE_NOT_CONFIGURED", DaprClients.ErrorCode(error));
    }
}

extern alias alert;
using System.Net;
using System.Net.Http.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// An escalation policy and the index that lists it are written in one Dapr state transaction, through the real
/// alert-service and the test sidecar's state store: a transaction the store refuses leaves neither written (nor,
/// for a delete, removed) and answers 503 with Retry-After; once the store accepts again, one transaction writes both.
/// </summary>
public sealed class EscalationPolicyTransactionTests
{
    private const string PolicyKey = $"{AppIds.AlertService}||escalation-policy||critical";
    private const string IndexKey = $"{AppIds.AlertService}||escalation-policies";

    private static readonly object Policy = new
    {
        name = "critical",
        steps = new object[] { new { after = "00:00:00", receivers = new[] { "oncall" } } },
    };

    [Fact]
    public async Task A_refused_transaction_writes_neither_the_policy_nor_the_index_and_answers_503()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var app = await env.StartServiceAsync<alert::Program>(AppIds.AlertService);
        using var alerts = app.Client(Permissions.AlertsRead, Permissions.AlertsWrite);
        var store = env.Mesh.StateStore(DaprComponents.StateStore);
        var transactions = new List<IReadOnlyList<string>>();
        var refuse = true;
        store.RefuseTransaction = writes =>
        {
            lock (transactions) transactions.Add([.. writes.Select(w => w.Key)]);
            return refuse ? "the store is read-only" : null;
        };

        var refused = await alerts.PutAsJsonAsync("/api/v1/escalation-policies/critical", Policy, Http.Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("nothing was changed", await refused.Content.ReadAsStringAsync(Http.Ct), StringComparison.Ordinal);
        Assert.Equal([[PolicyKey, IndexKey]], transactions); // one attempt: the index did not change, so the store refused it
        Assert.Null(store.Get(PolicyKey));
        Assert.Null(store.Get(IndexKey));
        Assert.Equal(HttpStatusCode.NotFound, (await alerts.GetAsync("/api/v1/escalation-policies/critical", Http.Ct)).StatusCode);

        refuse = false;
        var saved = await alerts.PutAsJsonAsync("/api/v1/escalation-policies/critical", Policy, Http.Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal([PolicyKey, IndexKey], transactions[^1]);
        Assert.NotNull(store.Get(PolicyKey));
        var listed = await (await alerts.GetAsync("/api/v1/escalation-policies", Http.Ct)).JsonAsync();
        Assert.Equal(["critical"], listed.EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        refuse = true;
        var notDeleted = await alerts.DeleteAsync("/api/v1/escalation-policies/critical", Http.Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notDeleted.StatusCode);
        Assert.NotNull(store.Get(PolicyKey));
        Assert.Single((await (await alerts.GetAsync("/api/v1/escalation-policies", Http.Ct)).JsonAsync()).EnumerateArray());
    }
}

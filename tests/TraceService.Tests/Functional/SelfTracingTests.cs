using System.Diagnostics;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Tests.Support;
using static AirisEpm.TraceService.Tests.Support.Http;
using static AirisEpm.TraceService.Tests.Support.OtlpRequests;

namespace AirisEpm.TraceService.Tests.Functional;

/// <summary>trace-service traces its own requests, except its ingest routes: spans about receiving spans would feed themselves.</summary>
public sealed class SelfTracingTests
{
    [Fact]
    public async Task Ingest_requests_are_not_recorded_and_query_requests_are()
    {
        var recorded = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Recorded && activity.GetTagItem("url.path") is string path) recorded.Add(path);
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var factory = new TraceServiceFactory();
        var marker = "/api/v1/traces/" + Guid.NewGuid().ToString("N");

        (await factory.Writer().PostAsync("/v1/traces", Protobuf(Request(ValidSpan())), Ct)).EnsureSuccessStatusCode();
        (await factory.Writer().PostAsync("/api/v2/spans", Json("[]"), Ct)).Dispose();
        (await factory.CreateClient().WithToken(Permissions.TracesRead).GetAsync(marker, Ct)).Dispose();

        // The server's activity stops after the response has gone out, so the client can read it first.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!recorded.Contains(marker) && DateTime.UtcNow < deadline) await Task.Delay(20, Ct);
        Assert.Contains(marker, recorded);
        Assert.DoesNotContain("/v1/traces", recorded);
        Assert.DoesNotContain("/api/v2/spans", recorded);
    }
}

using AirisEpm.LogService.Storage;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.LogService.Apis;

/// <summary>
/// Live tail as Server-Sent Events (<c>event: log</c>, one record each, oldest first), with the search
/// filters. It reads the store every <see cref="PollInterval"/> for records newer than the last one sent,
/// so it shows exactly what a search would (and what is durable), whichever replica took the write.
/// </summary>
public static class LogTailApi
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>At most this many records per poll; a faster stream is sampled to its newest lines, as a terminal tail would scroll.</summary>
    public const int MaxPerPoll = 500;

    public static IEndpointRouteBuilder MapLogTailApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/logs/tail", TailAsync).WithName("TailLogs").WithTags("Search").RequireAuthorization(Permissions.LogsRead)
            .WithSummary("Server-Sent Events of new records matching the filters");
        return app;
    }

    internal static async Task<Results<TailResult, ValidationProblem>> TailAsync(
        [AsParameters] SearchParameters parameters, [FromServices] ILogStore store, TimeProvider time, CancellationToken ct)
    {
        var nowNs = LogSearchApi.NowNs(time);
        var query = (parameters with { Start = null, End = null, Cursor = null, Buckets = 0 }).ToQuery(nowNs, out var problems);
        if (query is null) return TypedResults.ValidationProblem(problems);
        try
        {
            await store.SearchAsync(query with { Limit = 1 }, ct);
        }
        catch (LogQueryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Problem] });
        }

        return new TailResult(query with { Limit = MaxPerPoll, Highlight = false }, nowNs, store, time);
    }

    /// <summary>
    /// Sends the headers and a comment line at once (so a client sees the stream open before the first record), then one
    /// <c>event: log</c> per new record and a comment line as a heartbeat when nothing new came for 15 s.
    /// </summary>
    public sealed class TailResult(LogQuery query, long fromNs, ILogStore store, TimeProvider time) : IResult
    {
        private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            var ct = httpContext.RequestAborted;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
            // A first line at once: a proxy that forwards the headers only with the first body bytes (a sidecar, the
            // console) would otherwise hold the stream "connecting" until the first record or heartbeat.
            await response.WriteAsync(": tail started\n\n", ct);
            await response.Body.FlushAsync(ct);
            var json = httpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var lastNs = fromNs;
            var lastWrite = time.GetUtcNow();
            var sentAtLast = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    var page = await store.SearchAsync(query with { StartNs = lastNs, EndNs = LogSearchApi.NowNs(time) + 1 }, ct);
                    foreach (var hit in page.Hits.Reverse())
                    {
                        var record = hit.Record;
                        if (record.TimestampNs < lastNs || (record.TimestampNs == lastNs && sentAtLast.Contains(record.Id))) continue;
                        if (record.TimestampNs > lastNs)
                        {
                            lastNs = record.TimestampNs;
                            sentAtLast.Clear();
                        }

                        sentAtLast.Add(record.Id);
                        var data = System.Text.Json.JsonSerializer.Serialize(LogRecordView.From(record), json);
                        await response.WriteAsync($"event: log\nid: {record.Id}\ndata: {data}\n\n", ct);
                        lastWrite = time.GetUtcNow();
                    }

                    if (time.GetUtcNow() - lastWrite >= Heartbeat)
                    {
                        await response.WriteAsync(": keep-alive\n\n", ct);
                        lastWrite = time.GetUtcNow();
                    }

                    await response.Body.FlushAsync(ct);
                    await Task.Delay(PollInterval, time, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The client went away: the normal end of a tail.
            }
        }
    }
}

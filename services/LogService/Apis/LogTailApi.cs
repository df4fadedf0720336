using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.Storage;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.LogService.Apis;

/// <summary>
/// Live tail as Server-Sent Events (<c>event: log</c>, one record each, oldest first), with the search
/// filters. It reads the store every <see cref="PollInterval"/> for records newer than the last one sent,
/// so it shows exactly what a search would (and what is durable), whichever replica took the write. With <c>logql</c> (a
/// LogQL log query, <see cref="LogQlSearch"/>) in place of <c>q</c> each poll runs it over the new window, and each
/// record goes out with its line as the query's stages left it (<c>line_format</c>).
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
        [AsParameters] SearchParameters parameters, [FromQuery] string? logql, [FromServices] ILogStore store, [FromServices] LogQlEngine engine,
        TimeProvider time, CancellationToken ct)
    {
        var nowNs = LogSearchApi.NowNs(time);
        var window = parameters with { Start = null, End = null, Cursor = null, Buckets = 0 };
        if (logql is not null)
        {
            if (LogQlSearch.Range(window, logql, nowNs, out var logQlProblems) is null) return TypedResults.ValidationProblem(logQlProblems);
            if (LogQlSearch.Check(logql) is { } invalid) return invalid;
            return new TailResult(LogQlPoll(logql, engine), nowNs, time);
        }

        var query = window.ToQuery(nowNs, out var problems);
        if (query is null) return TypedResults.ValidationProblem(problems);
        try
        {
            await store.SearchAsync(query with { Limit = 1 }, ct);
        }
        catch (LogQueryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Problem] });
        }

        var tailed = query with { Limit = MaxPerPoll, Highlight = false };
        return new TailResult(async (startNs, endNs, token) =>
            (await store.SearchAsync(tailed with { StartNs = startNs, EndNs = endNs }, token)).Hits.Select(h => LogRecordView.From(h.Record)).ToList(), nowNs, time);
    }

    /// <summary>A LogQL log query's newest <see cref="MaxPerPoll"/> lines of a window, each record with its line as the query's stages left it.</summary>
    private static Poll LogQlPoll(string logql, LogQlEngine engine) => async (startNs, endNs, ct) =>
    {
        var lines = new List<LogRecordView>();
        await engine.VisitLinesAsync(logql, startNs, endNs, Math.Min(MaxPerPoll, engine.Options.MaxEntriesLimit),
            (record, _, line) => lines.Add(LogRecordView.From(record) with { Message = line }), ct);
        return lines;
    };

    /// <summary>The records of [startNs, endNs) a tail sends, newest first.</summary>
    public delegate Task<IReadOnlyList<LogRecordView>> Poll(long startNs, long endNs, CancellationToken ct);

    /// <summary>
    /// Sends the headers and a comment line at once (so a client sees the stream open before the first record), then one
    /// <c>event: log</c> per new record and a comment line as a heartbeat when nothing new came for 15 s. A LogQL query that
    /// fails on a later poll (too much work, a timeout) ends the stream with an <c>event: error</c> carrying the reason.
    /// </summary>
    public sealed class TailResult(Poll poll, long fromNs, TimeProvider time) : IResult
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
                    IReadOnlyList<LogRecordView> page;
                    try
                    {
                        page = await poll(lastNs, LogSearchApi.NowNs(time) + 1, ct);
                    }
                    catch (LogQlExecutionException e)
                    {
                        await response.WriteAsync($"event: error\ndata: {System.Text.Json.JsonSerializer.Serialize(e.Message, json)}\n\n", ct);
                        await response.Body.FlushAsync(ct);
                        return;
                    }

                    foreach (var record in page.Reverse())
                    {
                        if (record.TimestampNs < lastNs || (record.TimestampNs == lastNs && sentAtLast.Contains(record.Id))) continue;
                        if (record.TimestampNs > lastNs)
                        {
                            lastNs = record.TimestampNs;
                            sentAtLast.Clear();
                        }

                        sentAtLast.Add(record.Id);
                        var data = System.Text.Json.JsonSerializer.Serialize(record, json);
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

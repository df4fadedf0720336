using System.Text.Json.Nodes;
using AirisEpm.LogService.Domain;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace AirisEpm.LogService.Storage.Elasticsearch;

public sealed partial class ElasticsearchLogStore
{
    private const int BulkAttempts = 6;

    /// <summary>
    /// One <c>_bulk</c> of <c>create</c> actions keyed by record id. Items Elasticsearch rejects for load
    /// (429) or a node problem (5xx) are sent again, alone, with exponential backoff from 100 ms; an item
    /// answered 409 already exists (an earlier attempt stored it) and counts as stored. Any other item
    /// error, or rejections past the last attempt, fail the call naming the first reason.
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var pending = records.ToList();
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var response = await RequestAsync(HttpMethod.POST, $"{_stream}/_bulk", Ndjson(pending), cancellationToken);
            var retry = new List<LogRecord>();
            string? failure = null;
            if (response.Status is 429 or >= 500)
            {
                retry = pending;
                failure = $"{response.Status} for the whole request";
            }
            else if (response.Status is < 200 or >= 300)
            {
                throw Failure("store the batch", response);
            }
            else
            {
                var items = (JsonNode.Parse(response.Body)?["items"] as JsonArray) ?? [];
                for (var i = 0; i < items.Count && i < pending.Count; i++)
                {
                    var item = items[i]?["create"];
                    var status = (int?)item?["status"] ?? 500;
                    if (status is 429 or >= 500)
                    {
                        retry.Add(pending[i]);
                        failure ??= $"{status} {item?["error"]?["reason"]}";
                    }
                    else if (status is not (>= 200 and < 300) and not 409)
                    {
                        throw new InvalidOperationException($"Elasticsearch refused record {pending[i].Id}: {status} {item?["error"]?["reason"]}");
                    }
                }
            }

            if (retry.Count > 0 && attempt == BulkAttempts)
            {
                throw new InvalidOperationException($"Elasticsearch kept rejecting {retry.Count} of {records.Count} records after {BulkAttempts} attempts: {failure}");
            }

            pending = retry;
            if (pending.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * (1 << (attempt - 1))), _time, cancellationToken);
            }
        }
    }
}

using System.Text;
using System.Text.Json.Nodes;
using AirisEpm.LogService.Domain;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Microsoft.Extensions.Options;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace AirisEpm.LogService.Storage.Elasticsearch;

/// <summary>
/// The production log store: one Elasticsearch data stream (<see cref="LogStoreOptions.ElasticsearchDataStream"/>)
/// behind the index template of <see cref="ElasticsearchSchema"/>, written with <c>_bulk</c> and read with
/// <c>_search</c> through the official client's transport (the request bodies are the documented JSON).
/// Durability is Elasticsearch's: a bulk item is acknowledged after its translog is fsync'd. Records become
/// searchable at the next refresh (one second). Retention is the data stream lifecycle plus
/// <see cref="DeleteBeforeAsync"/>'s delete-by-query for the part of the boundary index past the cutoff.
/// </summary>
public sealed partial class ElasticsearchLogStore : ILogStore
{
    private readonly LogStoreOptions _options;
    private readonly ElasticsearchClient _client;
    private readonly string _stream;
    private readonly TimeProvider _time;

    public ElasticsearchLogStore(IOptions<LogStoreOptions> options, TimeProvider? time = null)
    {
        _options = options.Value;
        _stream = _options.ElasticsearchDataStream;
        _time = time ?? TimeProvider.System;
        var settings = new ElasticsearchClientSettings(new Uri(_options.ElasticsearchUrl));
        if (!string.IsNullOrEmpty(_options.ElasticsearchApiKey))
        {
            settings.Authentication(new ApiKey(_options.ElasticsearchApiKey));
        }

        _client = new ElasticsearchClient(settings);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await SendAsync(HttpMethod.PUT, $"_index_template/{_stream}", ElasticsearchSchema.IndexTemplate(_stream, _options.Retention).ToJsonString(), cancellationToken);
        var created = await RequestAsync(HttpMethod.PUT, $"_data_stream/{_stream}", null, cancellationToken);
        if (created.Status is not (200 or 400) || (created.Status == 400 && !created.Body.Contains("resource_already_exists_exception", StringComparison.Ordinal)))
        {
            throw Failure("create the data stream", created);
        }
    }

    public Task PingAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.GET, "", null, cancellationToken);

    public async Task<long> DeleteBeforeAsync(long cutoffNs, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["query"] = ElasticsearchQueries.Range(null, cutoffNs, false, false) };
        var result = await SendAsync(HttpMethod.POST, $"{_stream}/_delete_by_query?refresh=true&conflicts=proceed", body.ToJsonString(), cancellationToken);
        return (long?)result["deleted"] ?? 0;
    }

    /// <summary>Makes everything indexed so far searchable now (tests; production waits for the one-second refresh).</summary>
    internal Task RefreshAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.POST, $"{_stream}/_refresh", null, cancellationToken);

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        var response = await RequestAsync(method, path, body, cancellationToken);
        if (response.Status is < 200 or >= 300)
        {
            throw Failure($"{method} /{path}", response);
        }

        return JsonNode.Parse(response.Body) ?? new JsonObject();
    }

    private async Task<(int Status, string Body)> RequestAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        var response = await _client.Transport.RequestAsync<StringResponse>(
            method, "/" + path, body is null ? null : PostData.String(body), cancellationToken).ConfigureAwait(false);
        var status = response.ApiCallDetails.HttpStatusCode ?? 0;
        if (status == 0)
        {
            throw new InvalidOperationException($"Elasticsearch at {_options.ElasticsearchUrl} did not answer {method} /{path}.", response.ApiCallDetails.OriginalException);
        }

        return (status, response.Body ?? "");
    }

    private static InvalidOperationException Failure(string what, (int Status, string Body) response)
    {
        var reason = TryParse(response.Body)?["error"]?["reason"]?.ToString() ?? response.Body;
        return new InvalidOperationException($"Elasticsearch refused to {what}: {response.Status} {(reason.Length > 500 ? reason[..500] : reason)}");
    }

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Ndjson(IEnumerable<LogRecord> records)
    {
        var builder = new StringBuilder();
        foreach (var record in records)
        {
            builder.Append(new JsonObject { ["create"] = new JsonObject { ["_id"] = record.Id } }.ToJsonString()).Append('\n');
            builder.Append(ElasticsearchDocuments.From(record).ToJsonString()).Append('\n');
        }

        return builder.ToString();
    }
}

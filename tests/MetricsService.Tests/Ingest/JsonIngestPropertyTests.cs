using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AirisEpm.MetricsService.Apis;
using AirisEpm.MetricsService.Ingest;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Tests.Support;
using CsCheck;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.MetricsService.Tests.Ingest;

/// <summary>
/// The JSON ingest body as the endpoint reads it (from a PipeReader, with the app's serializer options), under random and
/// mutated input: each body is a JSON error, a validation failure, or samples; never another exception.
/// </summary>
public sealed class JsonIngestPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static readonly MetricsBatchValidator Validator = new(
        Microsoft.Extensions.Options.Options.Create(new IngestOptions()), Microsoft.Extensions.Options.Options.Create(new MetricStoreOptions()), new FakeTimeProvider(Now));

    private static readonly string[] Fragments =
    [
        "null", "{}", "[]", "\"NaN\"", "\"+Inf\"", "\"2026-03-01T11:59:00Z\"", "\"yesterday\"", "1e400", "-1", "1772366340000",
        "\"timestamp\":", "\"value\":", "\"labels\":{\"a\":null}", ",", ":", "\"", "{\"name\":\"x\",\"value\":1}",
    ];

    private static readonly Gen<string> Body = Gen.Select(
        Gen.OneOf(
            """{"metrics":[{"name":"x","value":1}]}""",
            """{"metrics":[{"name":"up","value":"NaN","timestamp":null,"labels":{"job":"a"},"type":"counter"},{"name":"y","value":2,"timestamp":1772366340000}]}"""),
        Gen.Select(Gen.Int[0, 200], Gen.Int[0, 3], Gen.Int[0, Fragments.Length - 1], (at, kind, fragment) => (At: at, Kind: kind, Fragment: fragment)).Array[0, 6],
        (seed, edits) =>
        {
            var text = new StringBuilder(seed);
            foreach (var (at, kind, fragment) in edits)
            {
                var position = Math.Min(at, text.Length);
                switch (kind)
                {
                    case 0:
                        text.Insert(position, Fragments[fragment]);
                        break;
                    case 1 when position < text.Length:
                        text.Remove(position, Math.Min(fragment + 1, text.Length - position));
                        break;
                    default:
                        // Replace a value after a colon, where the converters are exercised.
                        var colon = seed.IndexOf(':', Math.Min(at, seed.Length - 1));
                        if (colon > 0 && colon + 1 < text.Length)
                        {
                            text.Insert(colon + 1, Fragments[fragment] + ",\"_\":");
                        }

                        break;
                }
            }

            return text.ToString();
        });

    [Fact]
    public void Mutated_bodies_are_a_json_error_a_validation_failure_or_samples()
    {
        Body.Sample(body =>
        {
            MetricsBatchRequest? request;
            try
            {
                request = Read(body);
            }
            catch (JsonException)
            {
                return;
            }

            if (request is null || !Validator.Validate(request).IsValid)
            {
                return;
            }

            var ingestor = new CapturingIngestor();
            MetricsIngestApi.IngestAsync(request, ingestor, new FakeTimeProvider(Now), CancellationToken.None).GetAwaiter().GetResult();
            Assert.Equal(request.Metrics!.Count, ingestor.Samples.Count);
            Assert.All(ingestor.Samples, s => Assert.True(s.TimestampMs > 0));
        }, iter: 5000);
    }

    [Fact]
    public void A_null_or_missing_timestamp_is_left_out_and_a_non_scalar_one_is_named()
    {
        var request = Read("""{"metrics":[{"name":"a","value":1},{"name":"b","value":1,"timestamp":null},{"name":"c","value":[1],"timestamp":{"ms":1}}]}""")!;

        Assert.Equal([false, false, true], request.Metrics!.Select(m => m.Timestamp.IsPresent));
        var failures = Validator.Validate(request).Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal);
        Assert.Equal(["metrics[2].timestamp", "metrics[2].value"], failures);
    }

    /// <summary>As the endpoint reads a body: from a PipeReader, here in small reads so values span buffers.</summary>
    private static MetricsBatchRequest? Read(string body)
    {
        var reader = PipeReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(body)), new StreamPipeReaderOptions(bufferSize: 16, minimumReadSize: 8));
        return JsonSerializer.DeserializeAsync<MetricsBatchRequest>(reader, Options).AsTask().GetAwaiter().GetResult();
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
        options.TypeInfoResolverChain.Insert(0, MetricsJsonContext.Default);
        return options;
    }
}

using System.Buffers.Text;
using AirisEpm.LogService.Ingest;

namespace AirisEpm.LogService.Tests.Ingest;

public sealed class LogIngestorIdTests
{
    [Fact]
    public void An_id_is_22_base64url_characters_of_a_version_7_uuid_carrying_the_record_millisecond()
    {
        var timestampNs = DateTimeOffset.Parse("2026-12-01T10:00:00.123Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * 1_000_000 + 456_789;

        var id = LogIngestor.NewId(timestampNs);

        Assert.Equal(22, id.Length);
        Assert.All(id, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not base64url"));
        var uuid = new Guid(Base64Url.DecodeFromChars(id), bigEndian: true);
        Assert.Equal(7, uuid.Version);
        var bytes = uuid.ToByteArray(bigEndian: true);
        var milliseconds = bytes.Take(6).Aggregate(0L, (value, b) => (value << 8) | b);
        Assert.Equal(timestampNs / 1_000_000, milliseconds);
    }

    [Fact]
    public void Ids_of_the_same_instant_differ()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => LogIngestor.NewId(1_700_000_000_000_000_000)).ToHashSet();

        Assert.Equal(10_000, ids.Count);
    }
}

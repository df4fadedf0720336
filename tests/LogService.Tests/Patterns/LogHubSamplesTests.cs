using AirisEpm.TestSupport.LogHub;

namespace AirisEpm.LogService.Tests.Patterns;

public sealed class LogHubSamplesTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var csv = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n";
        var records = CsvRecords.Parse(new StringReader(csv)).ToArray();
        Assert.Equal(3, records.Length);
        Assert.Equal(["1", "x, y", "say \"hi\""], records[1]);
        Assert.Equal(["2", "two\nlines", ""], records[2]);
    }

    [Fact]
    public void Every_sample_has_2000_lines_with_their_events()
    {
        foreach (var dataset in LogHubSamples.Datasets)
        {
            var lines = LogHubSamples.Load(dataset);
            Assert.Equal(2000, lines.Count);
            Assert.All(lines, l => Assert.StartsWith("E", l.EventId));
        }

        Assert.Equal("Registered signal handlers for [TERM, HUP, INT]", LogHubSamples.Load("Spark")[0].Content);
    }
}

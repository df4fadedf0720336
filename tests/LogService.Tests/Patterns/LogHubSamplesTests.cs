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

    [Fact]
    public void A_missing_samples_folder_fails_with_where_it_looked_and_how_to_point_elsewhere()
    {
        var empty = Directory.CreateTempSubdirectory("no-loghub-").FullName;
        try
        {
            var error = Assert.Throws<DirectoryNotFoundException>(() => LogHubSamples.Locate(null, empty));
            Assert.Contains(empty, error.Message);
            Assert.Contains(LogHubSamples.DirectoryVariable, error.Message);
            Assert.Throws<DirectoryNotFoundException>(() => LogHubSamples.Locate(Path.Combine(empty, "absent"), empty));
            Assert.Equal(LogHubSamples.Directory, LogHubSamples.Locate(LogHubSamples.Directory, empty));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}

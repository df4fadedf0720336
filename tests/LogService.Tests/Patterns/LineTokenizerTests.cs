using AirisEpm.LogService.Patterns;

namespace AirisEpm.LogService.Tests.Patterns;

/// <summary>Masking, line by line, on messages taken from real logs (LogHub unless said otherwise).</summary>
public sealed class LineTokenizerTests
{
    public static TheoryData<string, string> MaskedLines => new()
    {
        // numbers, signs inside identifiers; a list of variables reads as one (HDFS)
        { "PacketResponder 1 for block blk_38865049064139660 terminating", "PacketResponder <*> for block blk_<*> terminating" },
        { "PacketResponder 0 for block blk_-6952295868487656571 terminating", "PacketResponder <*> for block blk_<*> terminating" },
        { "BLOCK* ask 10.250.14.224:50010 to delete  blk_-1 blk_-2 blk_3", "BLOCK* ask <*> to delete blk_<*>" },
        // IPv4 with a port, after a slash (Zookeeper)
        { "Received connection request /10.10.34.11:45307", "Received connection request <*>" },
        { "Accepted socket connection from /10.10.34.13:37177", "Accepted socket connection from <*>" },
        // host names holding digits, IPs in brackets, a whole syslog timestamp (Linux, OpenSSH)
        { "connection from 24.54.76.216 (24-54-76-216.bflony.adelphia.net) at Fri Jun 17 07:07:00 2005", "connection from <*> (<*>) at <*>" },
        { "reverse mapping checking getaddrinfo for ns.example.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!", "reverse mapping checking getaddrinfo for ns.example.com [<*>] failed - POSSIBLE BREAK-IN ATTEMPT!" },
        { "Received disconnect from 103.99.0.122: 11: Bye Bye [preauth]", "Received disconnect from <*>: Bye Bye [preauth]" },
        // key=value: numbers and addresses masked, words kept
        { "authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4  user=root", "authentication failure; logname= uid=<*> euid=<*> tty=NODEVssh ruser= rhost=<*> user=root" },
        { "Times: total = 12, boot = 3, init = 9, finish = 0", "Times: total = <*>, boot = <*>, init = <*>, finish = <*>" },
        // ids made of several numbers, dotted names with digits (Hadoop, Spark)
        { "Created MRAppMaster for application appattempt_1445144423722_0020_000001", "Created MRAppMaster for application appattempt_<*>_<*>_<*>" },
        { "Opening proxy : MSRA-SA-41.fareast.corp.microsoft.com:62373", "Opening proxy : <*>" },
        { "Block broadcast_1 stored as values in memory (estimated size 4.1 KB, free 4.1 KB)", "Block broadcast_<*> stored as values in memory (estimated size <*>, free <*>)" },
        { "Progress of TaskAttempt attempt_1445144423722_0020_m_000003_0 is : 0.295", "Progress of TaskAttempt attempt_<*>_<*>_m_<*>_<*> is : <*>" },
        // URLs and paths (Spark, Apache)
        { "Input split: hdfs://10.10.34.11:9000/pjhe/test/1/part-00000:0+1", "Input split: <*>" },
        { "workerEnv.init() ok /etc/httpd/conf/workers2.properties", "workerEnv.init() ok <*>" },
        // hex, node names, dotted padding (BGL)
        { "instruction address: 0x00004ed8", "instruction address: <*>" },
        { "auxiliary processor.........................0", "auxiliary processor.........................<*>" },
        { "ciod: LOGIN chdir(/p/gb1/stella/RAPTOR/2183) failed: No such file or directory", "ciod: LOGIN chdir(<*>) failed: No such file or directory" },
        // durations, sizes, dates, UUIDs, e-mail, IPv6 (service logs)
        { "request 7f1c1d5e-8a0b-4c53-9a5e-2f6f3c3d9b10 took 12ms (1.5s total, 3 MB)", "request <*> took <*> (<*> total, <*>)" },
        { "retrying in 250 ms after 2024-05-01T10:00:00.123Z", "retrying in <*> after <*>" },
        { "mail to ops@example.com bounced", "mail to <*> bounced" },
        { "listening on [fe80::1ff:fe23:4567:890a]:8080 and ::1", "listening on [<*> and <*>" },
        { "GET https://api.example.com/v1/items?id=3 200", "GET <*>" },
        // words that only look like dates stay words
        { "you may 2 sun Sat May", "you may <*> sun Sat May" },
        // nothing to mask
        { "Interrupted while waiting for message on queue", "Interrupted while waiting for message on queue" },
        { "   ", "" },
    };

    [Theory]
    [MemberData(nameof(MaskedLines))]
    public void Masks_the_variables_of_real_lines(string line, string masked) =>
        Assert.Equal(masked, Tokenize(line));

    [Fact]
    public void A_line_longer_than_the_token_limit_ends_in_one_wildcard()
    {
        var line = string.Join(' ', Enumerable.Range(0, 20).Select(i => $"word{(char)('a' + i)}"));
        Assert.Equal("worda wordb wordc wordd <*>", Tokenize(line, maxTokens: 5));
    }

    [Fact]
    public void A_line_longer_than_the_length_limit_ends_in_one_wildcard_and_no_token_is_cut()
    {
        Assert.Equal("alpha beta <*>", Tokenize("alpha beta gamma delta", maxLineLength: 14));
    }

    internal static string Tokenize(string line, int maxTokens = 128, int maxLineLength = 2048)
    {
        var masked = new MaskedLine();
        new LineTokenizer(maxTokens, maxLineLength).Tokenize(line, masked);
        return masked.Text.ToString();
    }
}

using AirisEpm.LogService.Patterns;

namespace AirisEpm.LogService.Tests.Patterns;

public sealed class VariableShapesTests
{
    public static TheoryData<string> Values =>
    [
        "0", "-42", "+7", "12ms", "1.5s", "3e-5", "10KB", "99%", "1,024",
        "2015-10-18", "18:01:47,978", "17/06/09", "2005-06-03-15.42.50.675872", "2024-05-01T10:00:00Z",
        "10.1.2.3", "10.1.2.3:80", "fe80::1ff:fe23:4567:890a", "::1", "[::1]:8080", "00:1a:2b:3c:4d:5e",
        "123e4567-e89b-12d3-a456-426614174000", "ops@example.com", "https://example.com/a?b=1", "hdfs://10.0.0.1:9000/x",
        "/var/log/messages", "/default-rack", "./run.sh", "../up", "~/notes", @"C:\Windows\system32", @"\\share\dir",
        "node-41.example.com:8020", "3.4.6-1569965", "core.1234", "workers2.properties", "host.example.com:8080",
    ];

    public static TheoryData<string> Words =>
    [
        "ERROR", "java.io.IOException", "org.apache.hadoop.mapred.TaskTracker", "zummit.com", "a:b:c", "dead:beef",
        "user@", "@example.com", "a@b", "-", "/", "v", "abc-def", "x86_64", "blk_123", "R02-M1-N0", "1.", "12:ab",
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void Whole_values_are_variables(string token) => Assert.True(VariableShapes.IsVariable(token), token);

    [Theory]
    [MemberData(nameof(Words))]
    public void Words_and_mixed_tokens_are_not_whole_values(string token) => Assert.False(VariableShapes.IsVariable(token), token);
}

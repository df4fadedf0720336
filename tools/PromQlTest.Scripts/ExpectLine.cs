using System.Text.RegularExpressions;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary><c>expect &lt;type&gt; [msg|regex: &lt;text&gt;]</c> lines of an eval block.</summary>
internal static partial class ExpectLine
{
    public const string RangeVectorPrefix = "expect range vector";
    public const string StringPrefix = "expect string";

    public static (string Type, MessagePattern Pattern) Parse(string line, int number)
    {
        var match = ExpectRegex().Match(line.Trim());
        if (!match.Success)
        {
            throw new ScriptFormatException(number, "invalid expect statement, must match `expect <type> <match_type>: <string>` format");
        }

        var type = match.Groups[1].Value;
        if (!match.Groups[2].Success)
        {
            return (type, MessagePattern.Any);
        }

        if (type is "ordered" or "no_warn" or "no_info")
        {
            throw new ScriptFormatException(number, $"expect {type} takes no message");
        }

        var text = match.Groups[3].Value.Trim();
        if (match.Groups[2].Value == "msg")
        {
            return (type, MessagePattern.Exactly(text));
        }

        try
        {
            return (type, MessagePattern.Matching(text));
        }
        catch (FormatException ex)
        {
            throw new ScriptFormatException(number, $"invalid regex {text} for {type}: {ex.Message}", ex);
        }
    }

    [GeneratedRegex(@"^expect\s+(ordered|fail|warn|no_warn|info|no_info)(?:\s+(regex|msg):(.+))?$")]
    private static partial Regex ExpectRegex();

    [GeneratedRegex(@"^expect range vector\s+from\s+(.+)\s+to\s+(.+)\s+step\s+(.+)$")]
    public static partial Regex RangeVectorRegex();
}

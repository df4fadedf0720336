using System.Text.RegularExpressions;

namespace AirisEpm.PromQl.Model;

public sealed partial class Matcher
{
    /// <summary>
    /// A matcher whose regex the caller compiled: for query languages that share Prometheus's matcher
    /// semantics but spell regexes their own way (LogQL rewrites RE2's <c>(?P&lt;name&gt;</c> and POSIX
    /// classes for .NET and bounds each match). <paramref name="compiled"/> must match whole values
    /// (anchored) and is required for <c>=~</c> and <c>!~</c>, ignored for <c>=</c> and <c>!=</c>;
    /// <see cref="Value"/> keeps the pattern as written, for printing and equality.
    /// </summary>
    public static Matcher Create(string name, MatchOp op, string value, Regex? compiled)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var isRegex = op is MatchOp.Regex or MatchOp.NotRegex;
        if (isRegex && compiled is null)
        {
            throw new ArgumentNullException(nameof(compiled), "a regex matcher needs its compiled regex");
        }

        return new Matcher(name, op, value, isRegex ? compiled : null);
    }
}

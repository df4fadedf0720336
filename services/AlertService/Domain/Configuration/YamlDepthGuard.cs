using AirisEpm.AlertService.Domain.Routing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AirisEpm.AlertService.Domain.Configuration;

/// <summary>
/// Refuses documents nested deeper than any alertmanager.yml needs before a recursive reader sees them:
/// YamlDotNet's deserializer and node tree recurse once per level, so ten thousand <c>[</c> would
/// otherwise end the process with a stack overflow. One streaming pass over the parser's events,
/// O(length) time and O(1) memory. The same pass turns the InvalidOperationException and ArgumentException YamlDotNet's
/// scanner and parser throw on some malformed text (found by ConfigFilePropertyTests) into a syntax error at the
/// last place it read well, so no reader after it meets that text.
/// </summary>
internal static class YamlDepthGuard
{
    /// <summary>A route tree twenty levels deep is about sixty YAML levels; 200 leaves room and stays far from the stack's limit.</summary>
    public const int MaxDepth = 200;

    /// <summary>Throws <see cref="ConfigException"/> naming the line and column where the limit or a syntax error is met.</summary>
    public static void Check(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        var lastGood = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                lastGood = parser.Current!.End;
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > MaxDepth)
                        {
                            var at = parser.Current.Start;
                            throw new ConfigException([new ConfigError($"line {at.Line}, column {at.Column}", $"nested more than {MaxDepth} levels deep")]);
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            throw new ConfigException([AlertingConfigYaml.SyntaxError(ex)]);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new ConfigException([new ConfigError($"line {lastGood.Line}, column {lastGood.Column}", $"not valid YAML after this point ({ex.Message})")]);
        }
    }
}

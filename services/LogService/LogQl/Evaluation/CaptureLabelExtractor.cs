using AirisEpm.LogService.LogQl.Ast;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// The <c>| regexp</c> and <c>| pattern</c> parsers, as Loki's: each named group of the first regex match (a
/// group that took no part is an empty label), or each named capture of the pattern, becomes a label; names
/// sanitised, a clash with a stream label suffixed <c>_extracted</c>. A line that does not match is kept,
/// without labels and without an error.
/// </summary>
public static class CaptureLabelExtractor
{
    public static void Extract(RegexpParserStage stage, string line, LineLabels labels)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(labels);
        var match = stage.Regex.Match(line);
        if (!match.Success) return;
        foreach (var name in stage.Names)
        {
            var group = match.Groups[name];
            Set(name, group.Success ? group.Value : "", labels);
        }
    }

    public static void Extract(PatternParserStage stage, string line, LineLabels labels)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(labels);
        var names = stage.Pattern.Names;
        var captures = stage.Pattern.Captures(line);
        for (var i = 0; i < captures.Count; i++)
        {
            Set(names[i], captures[i], labels);
        }
    }

    private static void Set(string name, string value, LineLabels labels)
    {
        var sanitized = ExtractedLabelNames.Sanitize(name);
        if (sanitized.Length > 0) labels.SetExtracted(sanitized, value);
    }
}

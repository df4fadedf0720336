using AirisEpm.GoTemplates;
using AirisEpm.LogService.LogQl.Ast;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Runs a query's pipeline stages over one line, in order: line filters test the current line, parsers
/// add labels, label filters test them, <c>line_format</c> and <c>decolorize</c> rewrite the line (<c>unpack</c>
/// may too), <c>label_format</c>, <c>drop</c> and <c>keep</c> change labels. Pure: no store, no I/O; cost linear in
/// the line and the stages (templates are bounded by their engine).
/// </summary>
public sealed class LogPipeline(IReadOnlyList<PipelineStage> stages)
{
    public IReadOnlyList<PipelineStage> Stages { get; } = stages ?? throw new ArgumentNullException(nameof(stages));

    /// <summary>Whether the line passes; <paramref name="line"/> and <paramref name="labels"/> are updated as the stages go.</summary>
    public bool Process(ref string line, LineLabels labels, long timestampNs)
    {
        foreach (var stage in Stages)
        {
            switch (stage)
            {
                case LineFilterStage filter:
                    if (!filter.Keeps(line)) return false;
                    break;
                case JsonParserStage:
                    JsonLabelExtractor.Extract(line, labels);
                    break;
                case LogfmtParserStage:
                    LogfmtLabelExtractor.Extract(line, labels);
                    break;
                case RegexpParserStage regexp:
                    CaptureLabelExtractor.Extract(regexp, line, labels);
                    break;
                case PatternParserStage pattern:
                    CaptureLabelExtractor.Extract(pattern, line, labels);
                    break;
                case UnpackParserStage:
                    line = UnpackLabelExtractor.Extract(line, labels);
                    break;
                case LabelFilterStage filter:
                    if (!LabelPredicateEvaluator.Holds(filter.Predicate, labels)) return false;
                    break;
                case LineFormatStage format:
                    line = Format(format, line, timestampNs, labels);
                    break;
                case DecolorizeStage:
                    line = Decolorizer.Strip(line);
                    break;
                case LabelFormatStage format:
                    LabelFormatter.Apply(format, line, timestampNs, labels);
                    break;
                case DropLabelsStage drop:
                    labels.Remove((name, value) => drop.Labels.Any(s => s.Selects(name, value)));
                    break;
                case KeepLabelsStage keep:
                    // As in Loki, keep never hides a line's error: it names labels, and __error__ is not one to forget silently.
                    labels.Remove((name, value) => name is not (StreamLabels.Error or StreamLabels.ErrorDetails) && !keep.Labels.Any(s => s.Selects(name, value)));
                    break;
                default:
                    throw new ArgumentException($"unknown stage {stage.GetType().Name}");
            }
        }

        return true;
    }

    /// <summary>
    /// True when no stage can drop a line or change what a metric groups by level: only <c>drop</c> of the
    /// error labels, which a pipeline without parsers never sets. Such a pipeline lets counts come from the store.
    /// </summary>
    public bool IsInert => Stages.All(s => s is DropLabelsStage drop
        && drop.Labels.All(l => l.Name is StreamLabels.Error or StreamLabels.ErrorDetails));

    /// <summary>Whether <paramref name="stage"/> may change the line, after which line filters test a line the store never saw.</summary>
    public static bool RewritesLine(PipelineStage stage) => stage is LineFormatStage or DecolorizeStage or UnpackParserStage;

    /// <summary><c>line_format</c>: the rendered line; a template that fails keeps the line and marks it <c>TemplateFormatErr</c>, as in Loki.</summary>
    private static string Format(LineFormatStage format, string line, long timestampNs, LineLabels labels)
    {
        try
        {
            return format.Template.SimpleKey is { } key ? labels.Lookup(key) ?? "" : format.Template.Render(labels.ToDictionary(), line, timestampNs);
        }
        catch (GoTemplateException e)
        {
            labels.SetError(LabelFormatter.TemplateError, e.Message);
            return line;
        }
    }
}

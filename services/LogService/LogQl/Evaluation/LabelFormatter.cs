using AirisEpm.GoTemplates;
using AirisEpm.LogService.LogQl.Ast;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// <c>| label_format</c>, as Loki's <c>LabelsFormatter</c>: a rename moves the source's value to the new name
/// (nothing happens when the line has no such label); a template is rendered over the labels as they were when
/// the stage's first template ran, and a template that fails marks the line <c>__error__="TemplateFormatErr"</c>
/// and leaves that label as it was.
/// </summary>
public static class LabelFormatter
{
    public const string TemplateError = "TemplateFormatErr";

    public static void Apply(LabelFormatStage stage, string line, long timestampNs, LineLabels labels)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(labels);
        Dictionary<string, string>? map = null;
        foreach (var format in stage.Formats)
        {
            if (format.Template is null)
            {
                if (labels.Lookup(format.Source) is not { } value) continue;
                labels.Remove(format.Source);
                labels.Set(format.Name, value);
                continue;
            }

            map ??= labels.ToDictionary();
            try
            {
                labels.Set(format.Name, format.Template.Render(map, line, timestampNs));
            }
            catch (GoTemplateException e)
            {
                labels.SetError(TemplateError, e.Message);
            }
        }
    }
}

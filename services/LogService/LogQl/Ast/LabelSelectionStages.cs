using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>A label named in <c>drop</c> or <c>keep</c>: by name alone, or by a matcher on its value (<c>drop level="debug"</c>).</summary>
public sealed record LabelSelection(string Name, Matcher? Matcher)
{
    public bool Selects(string name, string value) => name == Name && (Matcher is null || Matcher.Matches(value));
}

/// <summary><c>| drop __error__, level="debug"</c>: removes the selected labels.</summary>
public sealed record DropLabelsStage(IReadOnlyList<LabelSelection> Labels) : PipelineStage;

/// <summary><c>| keep service_name, status</c>: removes every label but the selected ones.</summary>
public sealed record KeepLabelsStage(IReadOnlyList<LabelSelection> Labels) : PipelineStage;

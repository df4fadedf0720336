using AirisEpm.PromQl.Ast;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// A query's warnings and infos, as Prometheus's annotations: one per distinct message (a repeat keeps the later
/// position), printed with <c>" (line:col)"</c> of the node they concern when the query text is known.
/// </summary>
internal sealed class Annotations
{
    private readonly List<(string Message, PositionRange Position, bool Info)> _entries = [];

    public void Add(string message, PositionRange position, bool info)
    {
        var index = _entries.FindIndex(e => e.Message == message);
        if (index >= 0)
        {
            _entries[index] = (message, position, info);
        }
        else
        {
            _entries.Add((message, position, info));
        }
    }

    public IReadOnlyList<string> Warnings(string? query) => Texts(query, info: false);

    public IReadOnlyList<string> Infos(string? query) => Texts(query, info: true);

    private List<string> Texts(string? query, bool info) =>
        [.. _entries.Where(e => e.Info == info).Select(e => string.IsNullOrEmpty(query) ? e.Message : $"{e.Message} ({e.Position.StartPosInput(query)})")];
}

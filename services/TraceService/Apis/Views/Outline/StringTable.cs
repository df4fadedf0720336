namespace AirisEpm.TraceService.Apis.Views.Outline;

/// <summary>Each distinct text once, numbered in the order first seen: a trace repeats a few services, names and keys thousands of times.</summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];

    public IReadOnlyList<string> Texts => _texts;

    public int this[string text]
    {
        get
        {
            if (_numbers.TryGetValue(text, out var number)) return number;
            _numbers[text] = _texts.Count;
            _texts.Add(text);
            return _texts.Count - 1;
        }
    }
}

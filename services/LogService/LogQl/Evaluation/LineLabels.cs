using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// The labels of one line as its pipeline runs, in Loki's categories: the stream labels (never changed,
/// only hidden when a stage removes one), the labels stages set (parsers, <c>label_format</c>), which win
/// over stream labels of the same name, and the <c>__error__</c> a stage may set (with
/// <c>__error_details__</c>). A parser's label whose name a stream label has is stored as
/// <c>&lt;name&gt;_extracted</c>, as Loki's parsers do. One per line, not shared.
/// </summary>
public sealed class LineLabels
{
    private readonly Dictionary<string, string> _stream;
    private static readonly Dictionary<string, string> Empty = [];

    private HashSet<string>? _hidden;
    private Dictionary<string, string>? _parsed;

    public LineLabels(Dictionary<string, string> stream) => _stream = stream ?? throw new ArgumentNullException(nameof(stream));

    public string? Error { get; private set; }

    public string? ErrorDetails { get; private set; }

    /// <summary>The value of <paramref name="name"/>, <c>__error__</c> included; null when absent.</summary>
    public string? Get(string name) => name switch
    {
        StreamLabels.Error => Error,
        StreamLabels.ErrorDetails => ErrorDetails,
        _ => _parsed is not null && _parsed.TryGetValue(name, out var parsed) ? parsed
            : _hidden is not null && _hidden.Contains(name) ? null : _stream.GetValueOrDefault(name),
    };

    /// <summary><see cref="Get"/> with the <c>level</c> and <c>service</c> aliases (<see cref="StreamLabels"/>).</summary>
    public string? Lookup(string name) => StreamLabels.Resolve(name, Get);

    /// <summary>A label a parser found: suffixed <c>_extracted</c> when the stream has one of that name (Loki's <c>BaseHas</c>); the name it got.</summary>
    public string SetExtracted(string name, string value)
    {
        var key = _stream.ContainsKey(name) ? name + "_extracted" : name;
        Set(key, value);
        return key;
    }

    /// <summary>The labels stages set (parsers, <c>label_format</c>): Loki's "parsed" category.</summary>
    public IReadOnlyDictionary<string, string> SetLabels => _parsed ?? (IReadOnlyDictionary<string, string>)Empty;

    /// <summary>Sets <paramref name="name"/>, over a stream label of that name (<c>label_format</c>, Loki's parsed category).</summary>
    public void Set(string name, string value)
    {
        _parsed ??= new Dictionary<string, string>(StringComparer.Ordinal);
        _parsed[name] = value;
    }

    /// <summary>Sets <c>__error__</c> unless a stage already set one (the first error is the useful one).</summary>
    public void SetError(string error, string? details)
    {
        if (Error is not null) return;
        Error = error;
        ErrorDetails = details;
    }

    /// <summary>Removes <paramref name="name"/> wherever it is; the error labels included.</summary>
    public void Remove(string name) => Remove((n, _) => n == name);

    /// <summary>Removes the labels <paramref name="remove"/> selects (given name and value); the error labels included.</summary>
    public void Remove(Func<string, string, bool> remove)
    {
        foreach (var (name, value) in _stream)
        {
            if ((_parsed is null || !_parsed.ContainsKey(name)) && remove(name, value)) (_hidden ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        }

        if (_parsed is not null)
        {
            foreach (var name in _parsed.Where(l => remove(l.Key, l.Value)).Select(l => l.Key).ToList())
            {
                _parsed.Remove(name);
                if (_stream.ContainsKey(name)) (_hidden ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            }
        }

        if (Error is not null && remove(StreamLabels.Error, Error))
        {
            Error = null;
        }

        if (ErrorDetails is not null && remove(StreamLabels.ErrorDetails, ErrorDetails))
        {
            ErrorDetails = null;
        }
    }

    /// <summary>The current labels as a map (what templates read), error labels included, the <c>level</c>/<c>service</c> aliases filled in where absent.</summary>
    public Dictionary<string, string> ToDictionary()
    {
        var map = new Dictionary<string, string>(_stream.Count + (_parsed?.Count ?? 0) + 2, StringComparer.Ordinal);
        foreach (var (name, value) in Current()) map[name] = value;
        foreach (var alias in (string[])[StreamLabels.Level, StreamLabels.Service])
        {
            if (!map.ContainsKey(alias) && Lookup(alias) is { } value) map[alias] = value;
        }

        return map;
    }

    public LabelSet ToLabelSet() => LabelSet.From(Current().Select(l => new Label(l.Key, l.Value)));

    private IEnumerable<KeyValuePair<string, string>> Current()
    {
        foreach (var label in _stream)
        {
            if (_hidden is null || !_hidden.Contains(label.Key)) yield return label;
        }

        if (_parsed is not null)
        {
            foreach (var label in _parsed) yield return label;
        }

        if (Error is not null) yield return new(StreamLabels.Error, Error);
        if (ErrorDetails is not null) yield return new(StreamLabels.ErrorDetails, ErrorDetails);
    }
}

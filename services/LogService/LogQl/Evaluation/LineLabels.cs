using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// The labels of one line as its pipeline runs: the stream labels, the labels parsers extracted, and
/// the <c>__error__</c> a stage may set (with <c>__error_details__</c>). An extracted label whose name a
/// stream label already has is stored as <c>&lt;name&gt;_extracted</c>, as Loki does. One per line, not shared.
/// </summary>
public sealed class LineLabels
{
    private readonly Dictionary<string, string> _stream;
    private Dictionary<string, string>? _parsed;

    public LineLabels(Dictionary<string, string> stream) => _stream = stream ?? throw new ArgumentNullException(nameof(stream));

    public string? Error { get; private set; }

    public string? ErrorDetails { get; private set; }

    /// <summary>The value of <paramref name="name"/>, <c>__error__</c> included; null when absent.</summary>
    public string? Get(string name) => name switch
    {
        StreamLabels.Error => Error,
        StreamLabels.ErrorDetails => ErrorDetails,
        _ => _parsed is not null && _parsed.TryGetValue(name, out var parsed) ? parsed : _stream.GetValueOrDefault(name),
    };

    /// <summary><see cref="Get"/> with the <c>level</c> and <c>service</c> aliases (<see cref="StreamLabels"/>).</summary>
    public string? Lookup(string name) => StreamLabels.Resolve(name, Get);

    public void SetExtracted(string name, string value)
    {
        _parsed ??= new Dictionary<string, string>(StringComparer.Ordinal);
        _parsed[_stream.ContainsKey(name) ? name + "_extracted" : name] = value;
    }

    /// <summary>Sets <c>__error__</c> unless a stage already set one (the first error is the useful one).</summary>
    public void SetError(string error, string? details)
    {
        if (Error is not null) return;
        Error = error;
        ErrorDetails = details;
    }

    /// <summary>Removes the labels <paramref name="remove"/> selects (given name and value); the error labels included.</summary>
    public void Remove(Func<string, string, bool> remove)
    {
        RemoveFrom(_stream, remove);
        if (_parsed is not null) RemoveFrom(_parsed, remove);
        if (Error is not null && remove(StreamLabels.Error, Error))
        {
            Error = null;
        }

        if (ErrorDetails is not null && remove(StreamLabels.ErrorDetails, ErrorDetails))
        {
            ErrorDetails = null;
        }
    }

    public LabelSet ToLabelSet()
    {
        IEnumerable<KeyValuePair<string, string>> all = _stream;
        if (_parsed is not null) all = all.Concat(_parsed);
        if (Error is not null) all = all.Append(new(StreamLabels.Error, Error));
        if (ErrorDetails is not null) all = all.Append(new(StreamLabels.ErrorDetails, ErrorDetails));
        return LabelSet.From(all.Select(l => new Label(l.Key, l.Value)));
    }

    private static void RemoveFrom(Dictionary<string, string> labels, Func<string, string, bool> remove)
    {
        List<string>? names = null;
        foreach (var (name, value) in labels)
        {
            if (remove(name, value)) (names ??= []).Add(name);
        }

        names?.ForEach(n => labels.Remove(n));
    }
}

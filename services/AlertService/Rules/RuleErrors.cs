namespace AirisEpm.AlertService.Rules;

/// <summary>Errors of one rule document, keyed by field path (<c>condition.all[0].window</c>), first reason per field kept first.</summary>
public sealed class RuleErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public bool Has(string field) => _byField.ContainsKey(field);

    public void Add(string field, string reason)
    {
        if (!_byField.TryGetValue(field, out var reasons)) _byField[field] = reasons = [];
        if (!reasons.Contains(reason)) reasons.Add(reason);
    }

    public IEnumerable<(string Field, string Reason)> All =>
        _byField.SelectMany(kv => kv.Value.Select(r => (kv.Key, r)));
}

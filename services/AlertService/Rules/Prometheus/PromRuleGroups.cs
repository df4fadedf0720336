using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>Finds a stored file's groups (the stored YAML parsed again; it parsed when it was stored).</summary>
public sealed class PromRuleGroups(IRuleFileRepository files)
{
    public async Task<PromRuleGroup?> FindAsync(GroupRef group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        return await files.GetAsync(group.File, cancellationToken) is { } stored
            ? Groups(stored).FirstOrDefault(g => g.Name == group.Group)
            : null;
    }

    public static IReadOnlyList<PromRuleGroup> Groups(StoredRuleFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return RuleFileParser.Parse(file.Yaml).File?.Groups ?? [];
    }
}

using System.Text.RegularExpressions;
using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>What storing a file did: refused with promtool's errors, or stored (new or replacing) with its groups.</summary>
public sealed record RuleFileWrite(IReadOnlyList<string> Errors, bool Created = false, PromRuleFile? File = null)
{
    public bool Stored => File is not null;
}

/// <summary>
/// Loads, replaces and removes rule files: a file is checked as promtool checks it, stored (durable before the
/// answer), then its groups' actors are started and the groups it no longer has are stopped. Should an actor call
/// fail after the store, the <see cref="PromRuleReconciler"/> finishes the job on its next pass.
/// </summary>
public sealed partial class PromRuleFiles(IRuleFileRepository files, IPromRuleGroupScheduler scheduler, TimeProvider time)
{
    /// <summary>File names: what a file system and a URL segment both carry as they are.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    public async Task<RuleFileWrite> PutAsync(string name, string yaml, CancellationToken cancellationToken)
    {
        var parse = RuleFileParser.Parse(yaml);
        if (parse.File is not { } file) return new RuleFileWrite(parse.Errors);
        var previous = await files.GetAsync(name, cancellationToken);
        var created = await files.PutAsync(new StoredRuleFile(name, yaml, time.GetUtcNow()), cancellationToken);
        foreach (var group in file.Groups) await scheduler.StartAsync(new GroupRef(name, group.Name), cancellationToken);
        if (previous is not null)
        {
            var kept = file.Groups.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in PromRuleGroups.Groups(previous).Where(g => !kept.Contains(g.Name)))
            {
                await scheduler.StopAsync(new GroupRef(name, gone.Name), cancellationToken);
            }
        }

        return new RuleFileWrite([], created, file);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (await files.GetAsync(name, cancellationToken) is not { } stored) return false;
        await files.DeleteAsync(name, cancellationToken);
        foreach (var group in PromRuleGroups.Groups(stored)) await scheduler.StopAsync(new GroupRef(name, group.Name), cancellationToken);
        return true;
    }

    /// <summary>Every stored group with its state, in file then group order.</summary>
    public async Task<IReadOnlyList<(string File, PromRuleGroup Group, PromGroupState State)>> StatesAsync(CancellationToken cancellationToken)
    {
        var result = new List<(string, PromRuleGroup, PromGroupState)>();
        foreach (var stored in await files.ListAsync(cancellationToken))
        {
            foreach (var group in PromRuleGroups.Groups(stored))
            {
                result.Add((stored.Name, group, await scheduler.GetStateAsync(new GroupRef(stored.Name, group.Name), cancellationToken)));
            }
        }

        return result;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex NamePattern();
}

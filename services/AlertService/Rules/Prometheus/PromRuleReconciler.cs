using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>
/// At start, loads the rule files of <see cref="PromRuleOptions.LoadPath"/> (if set); then, at start and every
/// <see cref="RuleEvaluationOptions.ReconcileInterval"/>, starts every stored group's actor (a no-op for one already
/// scheduled), healing a file stored while an actor start failed. A failed pass is retried after
/// <see cref="RuleEvaluationOptions.ReconcileRetryDelay"/>; a file on disk that does not parse is logged and skipped.
/// </summary>
public sealed partial class PromRuleReconciler(
    IRuleFileRepository files,
    IPromRuleGroupScheduler scheduler,
    PromRuleFiles ruleFiles,
    TimeProvider time,
    IOptions<PromRuleOptions> promOptions,
    IOptions<RuleEvaluationOptions> options,
    ILogger<PromRuleReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loaded = promOptions.Value.LoadPath is null;
        while (!stoppingToken.IsCancellationRequested)
        {
            loaded = loaded || await TryLoadAsync(promOptions.Value.LoadPath!, stoppingToken);
            var succeeded = loaded && await TryReconcileAsync(stoppingToken);
            await Task.Delay(succeeded ? options.Value.ReconcileInterval : options.Value.ReconcileRetryDelay, time, stoppingToken);
        }
    }

    /// <summary>Stores every rule file found at <paramref name="path"/>; false when the store could not be reached (retry).</summary>
    public async Task<bool> TryLoadAsync(string path, CancellationToken cancellationToken)
    {
        var found = File.Exists(path) ? [path]
            : Directory.Exists(path) ? Directory.GetFiles(path, "*.yml").Concat(Directory.GetFiles(path, "*.yaml")).Order(StringComparer.Ordinal).ToArray()
            : [];
        if (found.Length == 0) LogNothingToLoad(logger, path);
        try
        {
            foreach (var file in found)
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (!PromRuleFiles.IsValidName(name))
                {
                    LogRefused(logger, file, "the file name is not a rule file name ([A-Za-z0-9._-], at most 128)");
                    continue;
                }

                var write = await ruleFiles.PutAsync(name, await File.ReadAllTextAsync(file, cancellationToken), cancellationToken);
                if (write.Stored) LogLoaded(logger, file, write.File!.RuleCount);
                else LogRefused(logger, file, string.Join("; ", write.Errors));
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPassFailed(logger, ex);
            return false;
        }
    }

    public async Task<bool> TryReconcileAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stored = await files.ListAsync(cancellationToken);
            foreach (var file in stored)
            {
                foreach (var group in PromRuleGroups.Groups(file)) await scheduler.StartAsync(new GroupRef(file.Name, group.Name), cancellationToken);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPassFailed(logger, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded rule file {File} with {Rules} rule(s)")]
    private static partial void LogLoaded(ILogger logger, string file, int rules);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule file {File} not loaded: {Errors}")]
    private static partial void LogRefused(ILogger logger, string file, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No rule files at {Path}")]
    private static partial void LogNothingToLoad(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Prometheus rule reconciliation pass failed; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}

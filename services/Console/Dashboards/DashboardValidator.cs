using FluentValidation;

namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// What a dashboard body must be before it is stored, each failure under its JSON path
/// (<c>panels[2].grid.w</c>, <c>variables[0].name</c>) so the page can show it beside the field.
/// Panels and variables are checked one by one (<see cref="PanelValidator"/>, <see cref="VariableValidator"/>),
/// then together: unique panel ids and variable names, and no two panels covering the same grid cell.
/// </summary>
public sealed class DashboardValidator : AbstractValidator<Dashboard>
{
    public DashboardValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(d => d.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("'title' must not be empty.")
            .MaximumLength(DashboardLimits.MaxTitle).WithMessage($"'title' must be at most {DashboardLimits.MaxTitle} characters.")
            .OverridePropertyName("title");
        RuleFor(d => d.Tags).NotNull().WithMessage("'tags' must be a list.")
            .Must(t => t.Count <= DashboardLimits.MaxTags).WithMessage($"'tags' must have at most {DashboardLimits.MaxTags} entries.")
            .Must(t => t.Distinct(StringComparer.Ordinal).Count() == t.Count).WithMessage("'tags' must not repeat a tag.")
            .OverridePropertyName("tags");
        RuleForEach(d => d.Tags)
            .Must(t => !string.IsNullOrWhiteSpace(t) && t.Length <= DashboardLimits.MaxTag)
            .WithMessage($"a tag must be 1 to {DashboardLimits.MaxTag} characters, not blank.")
            .OverridePropertyName("tags");
        RuleFor(d => d.Time).NotNull().WithMessage("'time' must be an object with 'from' and 'to'.").OverridePropertyName("time");
        RuleFor(d => d.Time.From).Must(TimeExpressions.IsTime).When(d => d.Time is not null)
            .WithMessage("'{PropertyValue}' is not a time: use now, now-6h, now-1d/d or an ISO-8601 instant.")
            .OverridePropertyName("time.from");
        RuleFor(d => d.Time.To).Must(TimeExpressions.IsTime).When(d => d.Time is not null)
            .WithMessage("'{PropertyValue}' is not a time: use now, now-6h, now-1d/d or an ISO-8601 instant.")
            .OverridePropertyName("time.to");
        RuleFor(d => d.Refresh).Must(TimeExpressions.IsRefresh).When(d => d.Refresh is not null)
            .WithMessage("'{PropertyValue}' is not a refresh interval: use a whole number of s, m, h or d (30s, 5m), or null.")
            .OverridePropertyName("refresh");

        RuleFor(d => d.Variables).NotNull().WithMessage("'variables' must be a list.")
            .Must(v => v.Count <= DashboardLimits.MaxVariables).WithMessage($"'variables' must have at most {DashboardLimits.MaxVariables} entries.")
            .OverridePropertyName("variables");
        RuleForEach(d => d.Variables).NotNull().WithMessage("a variable must be an object.")
            .SetValidator(new VariableValidator()).OverridePropertyName("variables");
        RuleFor(d => d.Variables).Custom(DuplicateVariableNames).When(d => d.Variables is not null);

        RuleFor(d => d.Panels).NotNull().WithMessage("'panels' must be a list.")
            .Must(p => p.Count <= DashboardLimits.MaxPanels).WithMessage($"'panels' must have at most {DashboardLimits.MaxPanels} entries.")
            .OverridePropertyName("panels");
        RuleForEach(d => d.Panels).NotNull().WithMessage("a panel must be an object.")
            .SetValidator(new PanelValidator()).OverridePropertyName("panels");
        RuleFor(d => d.Panels).Custom(DuplicatePanelIds).When(d => d.Panels is not null);
        RuleFor(d => d.Panels).Custom(OverlappingPanels).When(d => d.Panels is not null);
    }

    private static void DuplicateVariableNames(IReadOnlyList<DashboardVariable> variables, ValidationContext<Dashboard> context)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < variables.Count; i++)
        {
            if (variables[i]?.Name is not { Length: > 0 } name) continue;
            if (!seen.TryAdd(name, i))
            {
                context.AddFailure($"variables[{i}].name", $"variable '{name}' is already defined by variables[{seen[name]}].");
            }
        }
    }

    private static void DuplicatePanelIds(IReadOnlyList<Panel> panels, ValidationContext<Dashboard> context)
    {
        var seen = new Dictionary<int, int>();
        for (var i = 0; i < panels.Count; i++)
        {
            if (panels[i] is not { } panel) continue;
            if (!seen.TryAdd(panel.Id, i))
            {
                context.AddFailure($"panels[{i}].id", $"panel id {panel.Id} is already used by panels[{seen[panel.Id]}].");
            }
        }
    }

    /// <summary>O(panels²), at most 125,000 comparisons for the largest dashboard allowed.</summary>
    private static void OverlappingPanels(IReadOnlyList<Panel> panels, ValidationContext<Dashboard> context)
    {
        for (var i = 0; i < panels.Count; i++)
        {
            if (panels[i]?.Grid is not { } grid || !PanelValidator.IsInside(grid)) continue;
            for (var j = 0; j < i; j++)
            {
                if (panels[j]?.Grid is { } earlier && PanelValidator.IsInside(earlier) && grid.Overlaps(earlier))
                {
                    context.AddFailure($"panels[{i}].grid", $"panel {panels[i].Id} overlaps panel {panels[j].Id} (panels[{j}]).");
                    break;
                }
            }
        }
    }
}

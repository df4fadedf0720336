using System.Text.RegularExpressions;
using FluentValidation;

namespace AirisEpm.WebConsole.Dashboards;

/// <summary>One panel on its own: id, type, a place inside the 24-column grid, its queries, unit and thresholds.</summary>
public sealed partial class PanelValidator : AbstractValidator<Panel>
{
    public PanelValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(p => p.Id).GreaterThan(0).WithMessage("'id' must be a positive integer.").OverridePropertyName("id");
        RuleFor(p => p.Title).NotNull().WithMessage("'title' must be a string.")
            .MaximumLength(DashboardLimits.MaxTitle).WithMessage($"'title' must be at most {DashboardLimits.MaxTitle} characters.")
            .OverridePropertyName("title");
        RuleFor(p => p.Type).Must(t => PanelTypes.All.Contains(t))
            .WithMessage($"panel type '{{PropertyValue}}' is not one of {string.Join(", ", PanelTypes.All)}.")
            .OverridePropertyName("type");

        RuleFor(p => p.Grid).NotNull().WithMessage("'grid' must be an object with x, y, w and h.").OverridePropertyName("grid");
        When(p => p.Grid is not null, () =>
        {
            RuleFor(p => p.Grid.X).InclusiveBetween(0, GridPos.Columns - 1)
                .WithMessage($"'x' must be a column from 0 to {GridPos.Columns - 1}.").OverridePropertyName("grid.x");
            RuleFor(p => p.Grid.W).InclusiveBetween(1, GridPos.Columns)
                .WithMessage($"'w' must be from 1 to {GridPos.Columns} columns.").OverridePropertyName("grid.w");
            RuleFor(p => p.Grid).Must(g => g.Right <= GridPos.Columns).When(p => p.Grid.X is >= 0 and < GridPos.Columns && p.Grid.W is >= 1 and <= GridPos.Columns)
                .WithMessage(p => $"the panel ends at column {p.Grid.Right}, past the grid's {GridPos.Columns} columns (x + w must be at most {GridPos.Columns}).")
                .OverridePropertyName("grid");
            RuleFor(p => p.Grid.Y).InclusiveBetween(0, DashboardLimits.MaxGridY)
                .WithMessage($"'y' must be a row from 0 to {DashboardLimits.MaxGridY}.").OverridePropertyName("grid.y");
            RuleFor(p => p.Grid.H).InclusiveBetween(1, DashboardLimits.MaxGridHeight)
                .WithMessage($"'h' must be from 1 to {DashboardLimits.MaxGridHeight} rows.").OverridePropertyName("grid.h");
        });

        RuleFor(p => p.Queries).NotNull().WithMessage("'queries' must be a list.")
            .Must(q => q.Count is >= 1 and <= DashboardLimits.MaxQueries)
            .WithMessage($"a panel needs 1 to {DashboardLimits.MaxQueries} queries.")
            .OverridePropertyName("queries");
        RuleForEach(p => p.Queries).NotNull().WithMessage("a query must be an object.")
            .SetValidator(new QueryValidator()).OverridePropertyName("queries");
        RuleFor(p => p.Queries).Custom(DuplicateRefIds).When(p => p.Queries is not null);

        RuleFor(p => p.Unit).Must(u => u!.Length <= DashboardLimits.MaxUnit && !u.Any(char.IsControl) && u.Trim().Length > 0)
            .When(p => p.Unit is not null)
            .WithMessage($"'unit' must be a Grafana unit id of at most {DashboardLimits.MaxUnit} characters, or null.")
            .OverridePropertyName("unit");
        RuleFor(p => p.Decimals).InclusiveBetween(0, DashboardLimits.MaxDecimals).When(p => p.Decimals is not null)
            .WithMessage($"'decimals' must be from 0 to {DashboardLimits.MaxDecimals}, or null.").OverridePropertyName("decimals");

        RuleFor(p => p.Thresholds).NotNull().WithMessage("'thresholds' must be a list.")
            .Must(t => t.Count <= DashboardLimits.MaxThresholds).WithMessage($"'thresholds' must have at most {DashboardLimits.MaxThresholds} steps.")
            .OverridePropertyName("thresholds");
        RuleForEach(p => p.Thresholds).NotNull().WithMessage("a threshold must be an object.").ChildRules(threshold =>
        {
            threshold.RuleFor(t => t.Value).Must(double.IsFinite).WithMessage("'value' must be a finite number.").OverridePropertyName("value");
            threshold.RuleFor(t => t.Color).Must(c => !string.IsNullOrWhiteSpace(c) && c.Length <= DashboardLimits.MaxColor)
                .WithMessage($"'color' must be a colour name or CSS colour of at most {DashboardLimits.MaxColor} characters.")
                .OverridePropertyName("color");
        }).OverridePropertyName("thresholds");
        RuleFor(p => p.Thresholds).Custom(Ascending).When(p => p.Thresholds is not null);
    }

    /// <summary>Whether <paramref name="grid"/> lies inside the grid (the overlap check skips what is already reported).</summary>
    public static bool IsInside(GridPos grid) =>
        grid is { X: >= 0, Y: >= 0, W: >= 1, H: >= 1 } && grid.Right <= GridPos.Columns
        && grid.Y <= DashboardLimits.MaxGridY && grid.H <= DashboardLimits.MaxGridHeight;

    private static void DuplicateRefIds(IReadOnlyList<PanelQuery> queries, ValidationContext<Panel> context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < queries.Count; i++)
        {
            if (queries[i]?.RefId is { Length: > 0 } refId && !seen.Add(refId))
            {
                context.AddFailure($"queries[{i}].refId", $"refId '{refId}' is used by another query of this panel.");
            }
        }
    }

    private static void Ascending(IReadOnlyList<Threshold> thresholds, ValidationContext<Panel> context)
    {
        for (var i = 1; i < thresholds.Count; i++)
        {
            if (thresholds[i] is { } step && thresholds[i - 1] is { } previous && !(step.Value > previous.Value))
            {
                context.AddFailure($"thresholds[{i}].value", $"thresholds must ascend: {step.Value} does not exceed {previous.Value}.");
            }
        }
    }

    private sealed partial class QueryValidator : AbstractValidator<PanelQuery>
    {
        public QueryValidator()
        {
            RuleLevelCascadeMode = CascadeMode.Stop;
            RuleFor(q => q.RefId).Must(r => r is not null && RefId().IsMatch(r))
                .WithMessage($"'refId' must be 1 to {DashboardLimits.MaxRefId} letters, digits or underscores.")
                .OverridePropertyName("refId");
            RuleFor(q => q.Expr).Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("'expr' must not be empty.")
                .MaximumLength(DashboardLimits.MaxExpr).WithMessage($"'expr' must be at most {DashboardLimits.MaxExpr} characters.")
                .OverridePropertyName("expr");
            RuleFor(q => q.Legend).MaximumLength(DashboardLimits.MaxLegend)
                .WithMessage($"'legend' must be at most {DashboardLimits.MaxLegend} characters.").OverridePropertyName("legend");
        }

        [GeneratedRegex("^[A-Za-z0-9_]{1,16}$", RegexOptions.CultureInvariant)]
        private static partial Regex RefId();
    }
}

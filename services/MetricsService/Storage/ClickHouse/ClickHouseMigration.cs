namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>A schema version: applied once, in order, and recorded in <c>schema_migrations</c>.</summary>
internal sealed record ClickHouseMigration(int Version, string Description, IReadOnlyList<MigrationStep> Steps);

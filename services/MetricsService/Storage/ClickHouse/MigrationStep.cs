namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>
/// One statement of a migration. A step that reads a table an earlier run of the same migration may already
/// have dropped names it, and runs only while that table exists, so a migration interrupted part-way runs again.
/// </summary>
internal sealed record MigrationStep(string Sql, string? OnlyIfTableExists = null);

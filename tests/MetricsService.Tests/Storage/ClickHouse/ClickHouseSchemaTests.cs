using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.ClickHouse;

namespace AirisEpm.MetricsService.Tests.Storage.ClickHouse;

/// <summary>The migration to version 2 must stop the old views before copying and survive being interrupted and run again.</summary>
public sealed class ClickHouseSchemaTests
{
    private static readonly IReadOnlyList<ClickHouseMigration> Migrations = ClickHouseSchema.Migrations(new MetricStoreOptions());
    private static readonly IReadOnlyList<MigrationStep> Version2 = Migrations.Single(m => m.Version == 2).Steps;

    [Fact]
    public void Versions_count_up_from_one()
    {
        Assert.Equal(Enumerable.Range(1, Migrations.Count), Migrations.Select(m => m.Version));
    }

    [Fact]
    public void The_views_that_double_counted_are_dropped_before_anything_is_copied()
    {
        var firstInsert = Version2.ToList().FindIndex(s => s.Sql.StartsWith("INSERT", StringComparison.Ordinal));
        var drops = Version2.Select((s, i) => (s, i)).Where(x => x.s.Sql.StartsWith("DROP VIEW", StringComparison.Ordinal)).Select(x => x.i).ToList();

        Assert.Equal(2, drops.Count);
        Assert.All(drops, i => Assert.True(i < firstInsert));
    }

    [Theory]
    [InlineData("samples")]
    [InlineData("rollup_1m")]
    [InlineData("rollup_1h")]
    public void Every_step_reading_a_version_1_table_runs_only_while_it_exists_and_the_drop_comes_last(string table)
    {
        var readers = Version2.Where(s => s.Sql.Contains($"FROM {table} ", StringComparison.Ordinal) || s.Sql.EndsWith($"FROM {table}", StringComparison.Ordinal)).ToList();
        var drop = Version2.ToList().FindIndex(s => s.Sql == $"DROP TABLE IF EXISTS {table}");

        Assert.NotEmpty(readers);
        Assert.All(readers, s => Assert.Equal(table, s.OnlyIfTableExists));
        Assert.All(readers, s => Assert.True(Version2.ToList().IndexOf(s) < drop));
        Assert.All(Version2.Where(s => s.OnlyIfTableExists is not null), s => Assert.StartsWith("INSERT", s.Sql, StringComparison.Ordinal));
    }

    [Fact]
    public void Version_1_data_is_copied_streaming_without_an_aggregation_over_a_whole_table()
    {
        var copies = Version2.Where(s => s.OnlyIfTableExists is not null).ToList();

        Assert.Equal(3, copies.Count);
        Assert.All(copies, s => Assert.DoesNotContain("GROUP BY", s.Sql, StringComparison.Ordinal));
        Assert.All(copies.Where(s => s.OnlyIfTableExists!.StartsWith("rollup", StringComparison.Ordinal)), s => Assert.EndsWith("FINAL", s.Sql, StringComparison.Ordinal));
    }

    [Fact]
    public void New_tables_keep_samples_by_series_and_time_and_rollups_by_series_and_bucket()
    {
        Assert.Contains(Version2, s => s.Sql.Contains("CREATE TABLE IF NOT EXISTS samples_v2", StringComparison.Ordinal) && s.Sql.Contains("ORDER BY (series_id, ts)", StringComparison.Ordinal));
        Assert.Equal(2, Version2.Count(s => s.Sql.Contains("ENGINE = ReplacingMergeTree(version)", StringComparison.Ordinal) && s.Sql.Contains("ORDER BY (series_id, bucket)", StringComparison.Ordinal)));
        Assert.All(Version2.Where(s => s.Sql.StartsWith("CREATE TABLE", StringComparison.Ordinal)), s => Assert.Contains("fsync_after_insert = 1", s.Sql, StringComparison.Ordinal));
    }
}

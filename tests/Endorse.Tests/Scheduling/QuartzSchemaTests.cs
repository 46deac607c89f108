using System.Text.RegularExpressions;
using Endorse.Scheduling;

namespace Endorse.Tests.Scheduling;

/// <summary>
/// The migration creates the schema of the Quartz version Endorse runs. When a Quartz upgrade changes its schema this
/// fails: add a migration with the difference (and update QuartzSchema's constants' comment), never edit the old one.
/// </summary>
public partial class QuartzSchemaTests
{
    [Theory]
    [InlineData("create_sqlite.sql", QuartzSchema.Sqlite)]
    [InlineData("create_postgres.sql", QuartzSchema.Postgres)]
    public void The_migration_creates_exactly_the_schema_of_the_quartz_package(string script, string ours)
    {
        using var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema." + script);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        var statements = reader.ReadToEnd().Split("\n--;;\n")
            .Select(part => string.Join('\n', part.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal))))
            .Select(part => part.Replace("{0}", QuartzSchema.TablePrefix, StringComparison.Ordinal).Replace("{1}", QuartzSchema.TablePrefix, StringComparison.Ordinal).Trim())
            .Where(part => part.Length > 0);

        Assert.Equal(Normalize(string.Join("\n", statements)), Normalize(ours));
    }

    [Fact]
    public void Every_core_table_is_created_and_dropped()
    {
        foreach (var table in QuartzSchema.CoreTables)
        {
            Assert.Contains("CREATE TABLE IF NOT EXISTS " + table + " ", QuartzSchema.Sqlite, StringComparison.Ordinal);
            Assert.Contains("CREATE TABLE IF NOT EXISTS QRTZ_" + table[5..].ToLowerInvariant() + " ", QuartzSchema.Postgres, StringComparison.Ordinal);
            Assert.Contains(table, QuartzSchema.DropOrder);
        }
    }

    // Statement terminators are the only liberty taken (the package separates statements with a marker line instead).
    private static string Normalize(string sql) => Whitespace().Replace(sql.Replace(";", " ", StringComparison.Ordinal), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using Microsoft.EntityFrameworkCore;

namespace Endorse.Data;

/// <summary>Brings the schema up to date at start-up and sets SQLite up for a web app's concurrency.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(EndorseDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while an import writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        await RefreshStatisticsAsync(db, cancellationToken);
    }

    /// <summary>
    /// Keeps the query planner's statistics current on SQLite after the data changed a lot (start-up, an import).
    /// Without them SQLite can pick <c>(SeniorityTier, FirstNameSearch)</c> for a tier filter sorted by last name and
    /// sort a sixth of the contacts (7 s at 1M rows instead of 2 ms). <c>PRAGMA optimize</c> analyzes only the tables
    /// whose statistics are missing or stale. PostgreSQL's autovacuum keeps its own statistics.
    /// </summary>
    public static async Task RefreshStatisticsAsync(EndorseDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", cancellationToken);
        }
    }
}
